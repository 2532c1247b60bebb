//! Forms posted as multipart form data (a file may come with them), read as text fields.

use leptos::server_fn::codec::MultipartData;

use crate::error::AppError;

/// The posted fields as text, each at most `MAX_FIELD_BYTES` and at most `MAX_FIELDS` of them
/// (a CSR is text; anything else in a file reads as replacement characters and fails its
/// check later with a clear message).
pub(crate) async fn read_fields(data: MultipartData) -> Result<Vec<(String, String)>, AppError> {
    use crate::model::{
        FieldErrors,
        order_form_post::{MAX_FIELD_BYTES, MAX_FIELDS},
    };
    let malformed = |e: &dyn std::fmt::Display| AppError::BadRequest(format!("form data: {e}"));
    let Some(mut parts) = data.into_inner() else {
        return Err(AppError::BadRequest("form data".into()));
    };
    let mut fields = Vec::new();
    while let Some(mut field) = parts.next_field().await.map_err(|e| malformed(&e))? {
        if fields.len() == MAX_FIELDS {
            return Err(AppError::BadRequest(format!(
                "more than {MAX_FIELDS} fields"
            )));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|e| malformed(&e))? {
            if bytes.len() + chunk.len() > MAX_FIELD_BYTES {
                return Err(AppError::Validation(FieldErrors::single(
                    &name,
                    crate::i18n::Msg::new("err-field-too-large").arg("kib", MAX_FIELD_BYTES / 1024),
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        fields.push((name, String::from_utf8_lossy(&bytes).into_owned()));
    }
    Ok(fields)
}

/// A field of a multipart post with its bytes as sent, and the file name when it is a file.
pub(crate) struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub bytes: Vec<u8>,
}

/// The posted fields as bytes: a file up to `max_file_bytes`, every other field up to
/// `MAX_FIELD_BYTES`, at most `MAX_FIELDS` of them. A longer file is refused under its field's
/// name with the limit in MiB.
pub(crate) async fn read_parts(
    data: MultipartData,
    max_file_bytes: usize,
) -> Result<Vec<Part>, AppError> {
    use crate::model::{
        FieldErrors,
        order_form_post::{MAX_FIELD_BYTES, MAX_FIELDS},
    };
    let malformed = |e: &dyn std::fmt::Display| AppError::BadRequest(format!("form data: {e}"));
    let Some(mut fields) = data.into_inner() else {
        return Err(AppError::BadRequest("form data".into()));
    };
    let mut parts = Vec::new();
    while let Some(mut field) = fields.next_field().await.map_err(|e| malformed(&e))? {
        if parts.len() == MAX_FIELDS {
            return Err(AppError::BadRequest(format!(
                "more than {MAX_FIELDS} fields"
            )));
        }
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let limit = if file_name.is_some() {
            max_file_bytes
        } else {
            MAX_FIELD_BYTES
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|e| malformed(&e))? {
            if bytes.len() + chunk.len() > limit {
                return Err(AppError::Validation(FieldErrors::single(
                    &name,
                    crate::i18n::Msg::new("err-document-too-large")
                        .arg("mib", limit / (1024 * 1024)),
                )));
            }
            bytes.extend_from_slice(&chunk);
        }
        parts.push(Part {
            name,
            file_name,
            bytes,
        });
    }
    Ok(parts)
}
