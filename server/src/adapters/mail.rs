//! Mail delivery by SMTP, or into an outbox folder of `.eml` files when no SMTP server is set.

use std::path::PathBuf;

use async_trait::async_trait;
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, header::ContentType},
};

use crate::ports::{Mail, MailError, Mailer};

fn build(from: &Mailbox, mail: &Mail) -> Result<Message, MailError> {
    let address = mail
        .to
        .parse()
        .map_err(|_| MailError::Address(mail.to.clone()))?;
    let to = Mailbox::new(mail.to_name.clone(), address);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.text.clone())
        .map_err(|e| MailError::Build(e.to_string()))
}

pub struct SmtpMailer {
    from: Mailbox,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl SmtpMailer {
    /// `url` is a lettre SMTP URL such as `smtp://127.0.0.1:1025` or `smtps://user:pass@host`.
    pub fn new(url: &str, from: Mailbox) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Build(format!("ROOTLINE_SMTP_URL: {e}")))?
            .build();
        Ok(Self { from, transport })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        let message = build(&self.from, mail)?;
        self.transport
            .send(message)
            .await
            .map_err(|e| MailError::Delivery(e.to_string()))?;
        tracing::info!(to = %mail.to, subject = %mail.subject, "mail sent by SMTP");
        Ok(())
    }
}

/// Writes each message as `<id>.eml` into a folder, for a machine without a mail server.
pub struct OutboxMailer {
    from: Mailbox,
    dir: PathBuf,
    transport: AsyncFileTransport<Tokio1Executor>,
}

impl OutboxMailer {
    pub fn new(dir: PathBuf, from: Mailbox) -> Result<Self, MailError> {
        std::fs::create_dir_all(&dir)
            .map_err(|e| MailError::Delivery(format!("cannot create {}: {e}", dir.display())))?;
        let transport = AsyncFileTransport::new(&dir);
        Ok(Self {
            from,
            dir,
            transport,
        })
    }
}

#[async_trait]
impl Mailer for OutboxMailer {
    async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        let message = build(&self.from, mail)?;
        let id = self
            .transport
            .send(message)
            .await
            .map_err(|e| MailError::Delivery(e.to_string()))?;
        let path = self.dir.join(format!("{id}.eml"));
        tracing::info!(to = %mail.to, subject = %mail.subject, file = %path.display(), "mail written to the outbox");
        Ok(())
    }
}
