//! `server`: runs Rootline (`serve`, the default) and its operator commands.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use server::{
    ca::InitOutcome,
    config::Config,
    domain::revocation::RevocationReason,
    ports::keys::KeySpec,
    services::identity::IdentityError,
    startup,
    telemetry::logs::{self, LogFormat},
};

#[derive(Parser)]
#[command(
    name = "server",
    version,
    about = "Rootline: certificate authority and certificate-lifecycle portal"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the portal (the default).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Create an operator user and print a one-time activation link for it.
    CreateOperator {
        /// The operator's e-mail address (their sign-in name).
        #[arg(long)]
        email: String,
        /// The operator's full name; defaults to the part of the address before the @.
        #[arg(long)]
        name: Option<String>,
    },
    /// Certificate authority operations.
    Ca {
        #[command(subcommand)]
        command: CaCommand,
    },
    /// The ACME server.
    Acme {
        #[command(subcommand)]
        command: AcmeCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Write a consistent copy of the live SQLite database to a new file (`VACUUM INTO`),
    /// while the server keeps running. On PostgreSQL, use `pg_dump` instead.
    Backup {
        /// The file to create; an existing file is never overwritten.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// A remote network perspective for multi-perspective issuance corroboration.
    Perspective {
        #[command(subcommand)]
        command: PerspectiveCommand,
    },
    /// A Certificate Transparency log (RFC 6962) for tests and local runs: add-chain and
    /// add-pre-chain answered with SCTs signed by the given key. Never for production.
    CtLog {
        #[command(subcommand)]
        command: CtLogCommand,
    },
    /// A DNS server for tests and local runs: answers TXT, CAA and A queries over UDP and TCP
    /// from a JSON file read again for every query. Never for production.
    DnsServe {
        /// Address and port for UDP and TCP.
        #[arg(long, default_value = "127.0.0.1:5353")]
        listen: std::net::SocketAddr,
        /// `{"txt": {name: [values]}, "caa": {name: [{"flags", "tag", "value"}]}, "a": {name: ip}}`.
        #[arg(long)]
        records: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum PerspectiveCommand {
    /// Answer the primary's DNS and HTTP lookups from this host, with this host's own resolver,
    /// over TLS that requires the primary's client certificate (TLS BR 3.2.2.9).
    Serve(server::perspective::serve::ServeOptions),
}

#[derive(Subcommand)]
enum CtLogCommand {
    /// Answer `/ct/v1/add-chain`, `/ct/v1/add-pre-chain` and `/ct/v1/get-roots` over HTTP.
    Serve {
        /// Address and port for HTTP.
        #[arg(long, default_value = "127.0.0.1:6962")]
        listen: std::net::SocketAddr,
        #[command(flatten)]
        options: server::transparency::log_server::LogOptions,
    },
}

#[derive(Subcommand)]
enum AcmeCommand {
    /// Make an External Account Binding credential and print its key ID and HMAC key.
    EabCreate {
        /// An administrator's e-mail: the credential is theirs, in their account.
        #[arg(long)]
        account: String,
        /// The name of the product the ACME orders use.
        #[arg(long)]
        product: String,
        /// The group that pays; the account's default group when left out.
        #[arg(long)]
        group: Option<String>,
    },
    /// Mark an issued certificate for early renewal (RFC 9773): its renewal window moves to
    /// now, so ACME clients that ask for renewal information renew at once (CLM-4).
    RenewEarly {
        /// The certificate's serial number in hex (colons allowed).
        #[arg(long)]
        serial: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute the hash chain of the whole log; fails (exit 1) naming the first entry that
    /// was changed, removed or inserted.
    Verify,
}

#[derive(Subcommand)]
enum CaCommand {
    /// Create the CAs that do not exist yet: root, tls, smime, client, codesign, docsign.
    Init {
        /// Key type of new CA keys: p256, p384, rsa3072 or rsa4096.
        #[arg(long, default_value = "p256", value_parser = parse_key_type)]
        key_type: KeySpec,
    },
    /// List the CAs with their subjects, keys and validity.
    List,
    /// Issue a certificate from a CSR; writes the leaf followed by its intermediates (PEM).
    Issue {
        /// tls-dv, tls-ov, tls-ev, smime-mailbox-strict, client-tls, code-signing or
        /// document-signing.
        #[arg(long)]
        profile: String,
        /// The PKCS#10 request, PEM or DER.
        #[arg(long)]
        csr: std::path::PathBuf,
        /// Validity in days (default: the profile's maximum on the day of issuance).
        #[arg(long)]
        days: Option<i64>,
        /// Where to write the certificate chain.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Revoke a certificate by serial (hex) with an RFC 5280 reason; publishes a new CRL.
    Revoke {
        #[arg(long)]
        serial: String,
        /// unspecified, keyCompromise, affiliationChanged, superseded, cessationOfOperation or
        /// privilegeWithdrawn.
        #[arg(long, default_value = "unspecified", value_parser = parse_reason)]
        reason: RevocationReason,
    },
    /// Issue the same request COUNT times in batches of 100 (one transaction per step of a
    /// batch), printing the rate: for load and crash tests.
    IssueMany {
        #[arg(long)]
        profile: String,
        #[arg(long)]
        csr: std::path::PathBuf,
        #[arg(long, default_value_t = 1000)]
        count: u64,
    },
    /// Publish a fresh CRL for a CA and write it (DER).
    Crl {
        #[arg(long)]
        ca: String,
        /// The CRL shard: 0 is the whole-CA CRL (`/crl/<ca>.crl`), 1 to N the shards
        /// (`/crl/<ca>/<n>.crl`); `ca list` shows how many a CA has.
        #[arg(long, default_value_t = 0)]
        shard: i32,
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

/// Requests per `prepare_many` / `issue_many` in `ca issue-many`.
const ISSUE_MANY_BATCH: u64 = 100;

fn parse_reason(s: &str) -> Result<RevocationReason, String> {
    RevocationReason::parse(s).ok_or_else(|| {
        format!(
            "{s:?} is not an RFC 5280 reason name; use one of {}",
            RevocationReason::allowed_names()
        )
    })
}

fn parse_key_type(s: &str) -> Result<KeySpec, String> {
    KeySpec::parse(s).ok_or_else(|| format!("{s:?} is not one of p256, p384, rsa3072, rsa4096"))
}

#[tokio::main]
async fn main() -> ExitCode {
    let format = match LogFormat::parse(std::env::var("ROOTLINE_LOG_FORMAT").ok().as_deref()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let subscriber = logs::subscriber(format, logs::filter_from_env(), std::io::stderr);
    // `try_init` also forwards the `log` records of dependencies, as `init` did before.
    if let Err(e) = tracing_subscriber::util::SubscriberInitExt::try_init(subscriber) {
        eprintln!("error: cannot start logging: {e}");
        return ExitCode::FAILURE;
    }
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::serve(config).await.map_err(|e| e.to_string()),
        Command::Migrate => migrate(&config).await,
        Command::Ca { command } => ca(&config, command).await,
        Command::Acme {
            command:
                AcmeCommand::EabCreate {
                    account,
                    product,
                    group,
                },
        } => eab_create(&config, &account, &product, group.as_deref()).await,
        Command::Acme {
            command: AcmeCommand::RenewEarly { serial },
        } => renew_early(&config, &serial).await,
        Command::Audit {
            command: AuditCommand::Verify,
        } => verify_audit(&config).await,
        Command::CreateOperator { email, name } => {
            create_operator(&config, &email, name.as_deref()).await
        }
        Command::DnsServe { listen, records } => dns_serve(listen, records).await,
        Command::CtLog {
            command: CtLogCommand::Serve { listen, options },
        } => ct_log_serve(listen, options).await,
        Command::Perspective {
            command: PerspectiveCommand::Serve(options),
        } => server::perspective::serve::run(options).await,
        Command::Backup { out } => backup(&config, &out).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn dns_serve(
    listen: std::net::SocketAddr,
    records: std::path::PathBuf,
) -> Result<(), String> {
    let server = server::adapters::dev_dns::DevDns::bind(listen, records.clone())
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    let bound = server.local_addr().map_err(|e| e.to_string())?;
    println!(
        "Answering DNS on {bound} (UDP and TCP) from {}.",
        records.display()
    );
    tokio::select! {
        result = server.run() => result.map_err(|e| e.to_string()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

async fn ct_log_serve(
    listen: std::net::SocketAddr,
    options: server::transparency::log_server::LogOptions,
) -> Result<(), String> {
    use base64::{Engine, engine::general_purpose::STANDARD};
    let log = server::transparency::log_server::TestLog::bind(listen, options)
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "Logging on http://{} as log {}; public key {}.",
        log.local_addr(),
        STANDARD.encode(log.log_id()),
        STANDARD.encode(log.public_key_der())
    );
    tokio::select! {
        result = log.run() => result.map_err(|e| e.to_string()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

async fn verify_audit(config: &Config) -> Result<(), String> {
    let store = server::store::Store::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    match server::services::audit::verify(&store)
        .await
        .map_err(|e| e.to_string())?
    {
        Ok(n) => {
            println!("The audit log is intact: {n} entries, every hash verified.");
            Ok(())
        }
        Err(broken) => Err(format!(
            "the audit log has been tampered with at entry {}: {}",
            broken.id, broken.reason
        )),
    }
}

async fn backup(config: &Config, out: &std::path::Path) -> Result<(), String> {
    // Only an existing database is copied: connecting to a missing SQLite file would create
    // an empty one and back that up.
    server::store::backup::require_existing(&config.database_url).map_err(|e| e.to_string())?;
    let store = server::store::Store::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    match server::store::backup::copy_to(&store, out).await {
        Ok(bytes) => {
            println!(
                "Backup written to {} ({bytes} bytes): a complete SQLite database; restore it by \
                 pointing ROOTLINE_DATABASE_URL at it (or copying it over rootline.db while the server is stopped).",
                out.display()
            );
            Ok(())
        }
        Err(e) => Err(e.to_string()),
    }
}

async fn migrate(config: &Config) -> Result<(), String> {
    let store = server::store::Store::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    store.migrate().await.map_err(|e| e.to_string())?;
    println!("The database schema is up to date.");
    Ok(())
}

async fn eab_create(
    config: &Config,
    admin_email: &str,
    product: &str,
    group: Option<&str>,
) -> Result<(), String> {
    let services = startup::services(config).await.map_err(|e| e.to_string())?;
    let stack = startup::order_stack(config, &services);
    let made = stack
        .acme
        .create_eab_as(admin_email, product, group)
        .await
        .map_err(|e| e.to_string())?;
    // One line each, so scripts can read them; the key is never shown again.
    println!("key ID: {}", made.key_id);
    println!("HMAC key: {}", made.hmac_key);
    Ok(())
}

async fn renew_early(config: &Config, serial: &str) -> Result<(), String> {
    let services = startup::services(config).await.map_err(|e| e.to_string())?;
    let stack = startup::order_stack(config, &services);
    let marked = stack
        .acme
        .renew_early_by_serial(serial)
        .await
        .map_err(|e| e.to_string())?;
    if marked {
        println!("Certificate {serial} marked for early renewal.");
    } else {
        println!("Certificate {serial} was already marked for early renewal.");
    }
    Ok(())
}

async fn create_operator(config: &Config, email: &str, name: Option<&str>) -> Result<(), String> {
    let services = startup::services(config).await.map_err(|e| e.to_string())?;
    match services.identity.create_operator(email, name).await {
        Ok(invite) => {
            println!("Operator user {} created.", invite.email);
            println!("Open this link within 24 hours to set the password (it works once):");
            println!("{}", invite.activation_link);
            Ok(())
        }
        Err(IdentityError::EmailTaken) => {
            Err(format!("a user with the e-mail {email} already exists"))
        }
        Err(IdentityError::Invalid(errors)) => Err(errors
            .0
            .iter()
            .map(|e| format!("--{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ")),
        Err(e) => Err(e.to_string()),
    }
}

async fn ca(config: &Config, command: CaCommand) -> Result<(), String> {
    let services = startup::services(config).await.map_err(|e| e.to_string())?;
    match command {
        CaCommand::Init { key_type } => {
            let outcomes = services
                .authority
                .init(key_type)
                .await
                .map_err(|e| e.to_string())?;
            for outcome in outcomes {
                match outcome {
                    InitOutcome::Created { name, spec } => {
                        println!("created  {name:<9} ({spec} key)");
                    }
                    InitOutcome::AlreadyThere { name } => println!("exists   {name}"),
                }
            }
            println!(
                "CA certificates are served at {}/ca/<name>.crt",
                config.link_base()
            );
            Ok(())
        }
        CaCommand::Issue {
            profile,
            csr,
            days,
            out,
        } => {
            let csr = read_csr(&csr)?;
            let issued = services
                .authority
                .sign(
                    &csr,
                    server::ca::SignOptions {
                        profile: &profile,
                        days,
                        ..Default::default()
                    },
                )
                .await
                .map_err(|e| e.to_string())?;
            std::fs::write(&out, issued.pem_with_chain())
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!(
                "issued serial {} ({profile}); leaf and chain written to {}",
                issued.serial_hex,
                out.display()
            );
            Ok(())
        }
        CaCommand::IssueMany {
            profile,
            csr,
            count,
        } => {
            // Read once: every certificate of the run certifies the same request.
            let csr = read_csr(&csr)?;
            let started = std::time::Instant::now();
            let mut done = 0u64;
            while done < count {
                let n = (count - done).min(ISSUE_MANY_BATCH);
                let requests: Vec<_> = (0..n)
                    .map(|_| {
                        (
                            &csr,
                            server::ca::SignOptions {
                                profile: &profile,
                                ..Default::default()
                            },
                        )
                    })
                    .collect();
                let tokens = services
                    .authority
                    .prepare_many(&requests)
                    .await
                    .map_err(|e| e.to_string())?
                    .into_iter()
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| e.to_string())?;
                for issued in services
                    .authority
                    .issue_many(tokens)
                    .await
                    .map_err(|e| e.to_string())?
                {
                    issued.map_err(|e| e.to_string())?;
                }
                done += n;
                println!("{done} issued");
            }
            let secs = started.elapsed().as_secs_f64();
            println!(
                "{count} certificates in {secs:.2} s: {:.1} per second",
                count as f64 / secs.max(f64::EPSILON)
            );
            Ok(())
        }
        CaCommand::Revoke { serial, reason } => {
            services
                .authority
                .revoke(&serial, reason)
                .await
                .map_err(|e| e.to_string())?;
            println!(
                "revoked serial {serial} ({}); the CRL is updated",
                reason.as_str()
            );
            Ok(())
        }
        CaCommand::Crl { ca, shard, out } => {
            let der = services
                .authority
                .publish_fresh_crl(&ca, shard)
                .await
                .map_err(|e| e.to_string())?;
            std::fs::write(&out, der)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!("CRL shard {shard} of CA {ca} written to {}", out.display());
            Ok(())
        }
        CaCommand::List => {
            let list = services.authority.list().await.map_err(|e| e.to_string())?;
            if list.is_empty() {
                println!("No CAs yet. Create them with `server ca init`.");
            }
            for ca in list {
                println!(
                    "{:<9} {:<16} key {:<8} ({}) issued by {:<11} valid {} to {}  {}",
                    ca.name,
                    ca.purpose,
                    ca.key_type,
                    ca.key_backend,
                    ca.issuer,
                    ca.not_before.format("%Y-%m-%d"),
                    ca.not_after.format("%Y-%m-%d"),
                    ca.subject
                );
                // The CRL URLs to give CCADB ("JSON Array of Partitioned CRLs").
                println!(
                    "          CRLs: the whole-CA CRL and {} shards, listed at {}",
                    ca.crl_shards, ca.crl_partitions_url
                );
            }
            Ok(())
        }
    }
}

/// The CLI's edge for a request: the file, read and checked once.
fn read_csr(path: &std::path::Path) -> Result<server::ca::CheckedCsr, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    server::ca::inspect_csr(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}
