//! The texts of identity e-mails.

use crate::ports::Mail;

pub(super) fn activation(to: &str, name: &str, account: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: "Activate your Rootline account".into(),
        text: format!(
            "Hello {name},\n\n\
             An account for {account} was created on Rootline with this e-mail address.\n\n\
             Open this link to choose your password and activate the account:\n\n\
             {link}\n\n\
             The link works once and expires in 24 hours. If you did not sign up, ignore this \
             e-mail and nothing will happen.\n\n\
             -- Rootline\n"
        ),
    }
}

pub(super) fn partner_application_received(to: &str, name: &str, account: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: "Your Rootline partner application is being reviewed".into(),
        text: format!(
            "Hello {name},\n\n\
             Thank you for applying to become a Rootline partner on behalf of {account}.\n\n\
             Our operators review every partner application. When yours is approved we will \
             send you an activation link to set your password; until then there is nothing \
             you need to do.\n\n\
             -- Rootline\n"
        ),
    }
}

pub(super) fn invitation(to: &str, name: &str, account: &str, role: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: format!("{account} invites you to join it on Rootline"),
        text: format!(
            "Hello {name},\n\n\
             An administrator of {account} invited you to join its Rootline account as \
             {role}. Until you accept, {account} sees only your e-mail address.\n\n\
             To answer, open this link, sign in with the e-mail address and password you \
             already use, and accept or decline:\n\n\
             {link}\n\n\
             The link works once and expires in 7 days. If you do not want to join, decline \
             or ignore this e-mail and nothing will change.\n\n\
             -- Rootline\n"
        ),
    }
}

/// To the owner of an address someone tried to sign up with: the sign-up page answers the
/// same whether an address is taken, so only its owner learns of the attempt.
pub(super) fn sign_up_attempted(to: &str, name: &str, sign_in: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: "Someone tried to sign up to Rootline with your address".into(),
        text: format!(
            "Hello {name},\n\n\
             Someone tried to create a new Rootline account with this e-mail address. It \
             already belongs to you, so nothing was created and your account is unchanged.\n\n\
             If it was you, sign in instead:\n\n\
             {sign_in}\n\n\
             If you have not activated your user yet, use the link in the activation e-mail. \
             If you cannot remember your password, ask an administrator of your account or \
             Rootline support to help you regain access. If it was not you, you can ignore \
             this e-mail.\n\n\
             -- Rootline\n"
        ),
    }
}

pub(super) fn partner_application_rejected(
    to: &str,
    name: &str,
    account: &str,
    reason: &str,
) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: "Your Rootline partner application".into(),
        text: format!(
            "Hello {name},\n\n\
             We reviewed the partner application for {account} and cannot approve it.\n\n\
             Reason: {reason}\n\n\
             If you think this is a mistake, reply to this e-mail.\n\n\
             -- Rootline\n"
        ),
    }
}
