//! How a sign-in or sign-up ended, for the server function to say where the user goes next.

use crate::ports::request::SetCookie;

/// How a sign-up ended, so the page can say what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignUpOutcome {
    /// An activation e-mail is on its way.
    ActivationSent,
    /// A Partner application waits for an operator; the applicant was told by e-mail.
    AwaitingApproval,
}

/// A new session: its cookie, and whether the user should choose among their accounts.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub cookie: SetCookie,
    /// The user's saved language, for this browser from now on (none saved: the browser's
    /// own stays).
    pub lang_cookie: Option<SetCookie>,
    pub choose_account: bool,
    /// Where the sign-in continues before the session works: enrolment or a code.
    pub second_factor: Option<SecondFactorStep>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactorStep {
    Enrol,
    Code,
}

impl SignedIn {
    /// The page a new session continues on: the second factor it owes, the choice of
    /// account, or the overview.
    pub fn next_page(&self) -> &'static str {
        match self.second_factor {
            Some(SecondFactorStep::Enrol) => "/sign-in/two-factor/enrol",
            Some(SecondFactorStep::Code) => "/sign-in/two-factor",
            None if self.choose_account => "/choose-account",
            None => "/",
        }
    }
}
