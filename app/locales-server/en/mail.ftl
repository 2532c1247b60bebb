### E-mails, in the recipient's language.

mail-signature = -- Rootline

mail-activation-subject = Activate your Rootline account
mail-activation-body =
    Hello { $name },

    An account for { $account } was created on Rootline with this e-mail address.

    Open this link to choose your password and activate the account:

    { $link }

    The link works once and expires in 24 hours. If you did not sign up, ignore this e-mail and nothing will happen.

mail-partner-received-subject = Your Rootline partner application is being reviewed
mail-partner-received-body =
    Hello { $name },

    Thank you for applying to become a Rootline partner on behalf of { $account }.

    Our operators review every partner application. When yours is approved we will send you an activation link to set your password; until then there is nothing you need to do.

mail-invitation-subject = { $account } invites you to join it on Rootline
mail-invitation-body =
    Hello { $name },

    An administrator of { $account } invited you to join its Rootline account as { $role }. Until you accept, { $account } sees only your e-mail address.

    To answer, open this link, sign in with the e-mail address and password you already use, and accept or decline:

    { $link }

    The link works once and expires in 7 days. If you do not want to join, decline or ignore this e-mail and nothing will change.

mail-sign-up-attempted-subject = Someone tried to sign up to Rootline with your address
mail-sign-up-attempted-body =
    Hello { $name },

    Someone tried to create a new Rootline account with this e-mail address. It already belongs to you, so nothing was created and your account is unchanged.

    If it was you, sign in instead:

    { $link }

    If you have not activated your user yet, use the link in the activation e-mail. If you cannot remember your password, ask an administrator of your account or Rootline support to help you regain access. If it was not you, you can ignore this e-mail.

mail-partner-rejected-subject = Your Rootline partner application
mail-partner-rejected-body =
    Hello { $name },

    We reviewed the partner application for { $account } and cannot approve it.

    Reason: { $reason }

    If you think this is a mistake, reply to this e-mail.
