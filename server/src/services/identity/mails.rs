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

pub(super) fn added_to_account(to: &str, name: &str, account: &str, sign_in: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: Some(name.to_owned()),
        subject: format!("You were added to {account} on Rootline"),
        text: format!(
            "Hello {name},\n\n\
             An administrator of {account} added you to its Rootline account. Sign in with \
             your e-mail address and the password you already use; you will be asked which \
             account to work in.\n\n\
             {sign_in}\n\n\
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
