//! The signed-in user's own profile (ID-12).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub designation: String,
    /// Set by administrators; shown, not edited here.
    pub employee_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub mobile: String,
    #[serde(default)]
    pub designation: String,
}
