vetting-item-identity-address = Identity and address
vetting-item-trade-name = Trade name (DBA)
vetting-item-communication = Verified method of communication
vetting-item-physical-existence = Physical existence
vetting-item-operational-existence = Operational existence
vetting-item-signer-approver-authority = Contract signer and certificate approver
vetting-hint-identity-address = The legal name, registration number and address match a government registry or another reliable source (BR 3.2.2.1; EVG 11.2).
vetting-hint-trade-name = The organization uses the trade name: a registry of assumed names, a utility bill or a bank statement (BR 3.2.2.2; EVG 11.3).
vetting-hint-communication = Checked when the representative enters the authentication code through the mailed link (BR 3.2.5; EVG 11.5).
vetting-hint-physical-existence = The place of business exists and the organization conducts business there: a site visit or a verified professional letter (EVG 11.4.2).
vetting-hint-operational-existence = The organization has existed for three years, or holds a demand deposit account with a regulated bank (EVG 11.6).
vetting-hint-signer-approver-authority = The contract signer and the certificate approver are who they say and may act for the organization (EVG 11.8).
vetting-by-representative = The representative (through the code's link)

err-vetting-not-waiting = The organization is { $status }: it is not waiting for validation.
err-vetting-no-such-item = Choose an item of the checklist.
err-vetting-item-by-code = This item is checked when the representative enters the authentication code.
err-vetting-no-trade-name = The organization gives no trade name to check.
err-vetting-enter-source = Name the source you checked it against (e.g. a registry and its reference).
err-vetting-enter-reason = Give the reason the customer will read.
err-vetting-items-unchecked = Every item of that level must be checked, and none may be older than its reuse period, before the organization is verified.
err-vetting-code-six-digits = The code has six digits.
err-vetting-code-wrong = That code is not right. { $left ->
        [one] One more try is left.
        [0] The link no longer works: ask the validation team for a new code.
       *[other] { $left } more tries are left.
    }
err-vetting-code-locked = Too many wrong codes were entered. Ask the validation team for a new code.

page-vetting = Vetting desk
page-vetting-case = Vetting
menu-vetting = Vetting desk
refusal-vetting = The vetting desk is for the CA's operators.
vetting-queue-lead = Organizations sent for validation, the longest waiting first. Check each item against a reliable source, send the representative an authentication code, then verify at OV or EV, or refuse with a reason the customer reads.
vetting-queue-empty = No organization is waiting for validation.
vetting-col-account = Account
vetting-col-waiting = Waiting
vetting-waiting-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
vetting-back = Back to the vetting desk
vetting-checklist = Checklist
vetting-col-item = Item
vetting-col-level = Needed for
vetting-col-source = Source
vetting-note = Note (optional)
vetting-source-placeholder = e.g. MCA21 company master data, CIN U72200KA2009PTC049889
vetting-record-check = Record a check
vetting-mark-checked = Mark checked
vetting-unchecked = Not checked
vetting-checked-by = Checked by { $by } at { $at }; reusable until { $until }
vetting-aged-out = Checked by { $by } at { $at }: too old, check it again
vetting-send-code = Send authentication code
vetting-code-none = No code is waiting to be entered.
vetting-code-waiting = A code sent to { $email } is waiting to be entered.
vetting-code-sent = Code { $code } was mailed to the representative. If you call them on a verified number, read this code out; they enter it through the mailed link.
vetting-decision = Decision
vetting-decision-hint = Verify only when every item of the level is checked and none is too old.
vetting-approve-ov = Verify as OV
vetting-approve-ev = Verify as EV
vetting-reject-reason = Reason the customer will read
vetting-reject = Refuse
vetting-history = History
vetting-checked = Check recorded.
vetting-approved = Organization verified. The customer was told by e-mail.
vetting-rejected = Organization refused. The customer was told by e-mail.
err-vetting-choose-level = Choose OV or EV.

page-verify-code = Confirm your organization
verify-code-lead = The certificate authority is verifying { $organization }. Enter the six-digit code from the e-mail, or the one read to you on the phone by the validation team.
verify-code-label = Authentication code
verify-code-submit = Confirm
verify-code-done = Thank you. The code was accepted; the validation team goes on with the organization's verification.
