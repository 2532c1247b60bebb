ev-step-requester-consent = Requester's consent
ev-step-subscriber-agreement = Subscriber agreement
ev-step-approval = EV request approval
ev-steps-heading = EV approvals
ev-steps-pending = waiting for an answer
ev-steps-approved = given { $when }
ev-steps-rejected = rejected: { $reason }

err-ev-reject-reason-required = Say why you reject the request: the requester reads it.
err-ev-reject-reason-too-long = Keep the reason to { $max } characters.
err-ev-answer-approve-or-reject = Choose to approve or to reject.
err-ev-answered-already = This request has been answered already; the answer stands.
err-ev-agreement-changed = A new version of the subscriber agreement was published since this page opened. Read it and accept that version.
err-ev-no-agreement = The certificate authority has not published a subscriber agreement yet, so it cannot be accepted. Ask the certificate authority.
err-ev-not-your-approval = Only the certificate approver the order names can answer this request.

page-ev-link = Extended Validation request
ev-link-consent-lead = { $name }, an EV certificate for { $organization } was requested in your name (order #{ $id }, { $product }). Confirm that you made this request.
ev-link-agreement-lead = { $name }, you are named as the contract signer of { $organization } for an EV certificate (order #{ $id }, { $product }) requested by { $requester }. Read the subscriber agreement and accept it on the organization's behalf.
ev-link-approval-lead = { $name }, you are named as the certificate approver of { $organization } for an EV certificate (order #{ $id }, { $product }) requested by { $requester }. Approve the request, or reject it with a reason.
ev-link-organization = Organization
ev-link-names = Names
ev-link-requester = Requester
ev-link-answered-yes = Thank you: your answer was recorded. The request goes on.
ev-link-answered-no = Your rejection was recorded and the requester was told. No certificate is issued for this request.
ev-link-consent-yes = I made this request
ev-link-consent-no = I did not request this
ev-link-agreement-yes = I accept the agreement for the organization
ev-link-agreement-no = Decline the agreement
ev-link-approval-yes = Approve the request
ev-link-approval-no = Reject the request
ev-link-agreement-title = { $title } (version { $version })
ev-link-reason = Reason, if you reject
ev-link-reason-hint = The requester reads it.

page-ev-approvals = EV Request Approvals
menu-ev-approvals = EV approvals
refusal-ev-approvals = Your role does not allow you to see EV requests.
ev-approvals-lead = The account's EV certificate requests and their certificate approver's answer. When you are a request's approver, approve or reject it here or through the link in your e-mail.
ev-approvals-done = Your answer was recorded.
ev-approvals-empty = There are no EV requests for you.
ev-approvals-waiting = Waiting for the approver
ev-approvals-approved = Approved
ev-approvals-rejected = Rejected
ev-approvals-product = Product
ev-approvals-approver = Certificate approver
ev-approvals-placed = Placed

wizard-signatories = Authorized signatories (EV)
wizard-signatories-hint = Once the order is paid, the contract signer is mailed the subscriber agreement to accept, and the certificate approver the request to approve. They may be the same person, and you.
wizard-signer-name = Contract signer's name
wizard-signer-email = Contract signer's e-mail
wizard-approver-name = Certificate approver's name
wizard-approver-email = Certificate approver's e-mail

track-step-organization = Organization vetting
err-acme-no-ev = An EV certificate needs its signatories' agreement and approval for each request, which an ACME client cannot give: choose a DV or OV product.
