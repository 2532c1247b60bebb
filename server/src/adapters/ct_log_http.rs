//! A Certificate Transparency log reached over HTTPS (or plain HTTP, for a log the test run
//! starts on this machine): `POST <url>/ct/v1/add-pre-chain` with the chain as JSON.

use async_trait::async_trait;
use hyper::Method;

use super::provider_http::{Call, ProviderHttp};
use crate::{
    ports::{
        ct_log::{CtLog, CtLogInfo, CtSubmitError},
        payment_gateway::GatewayError,
    },
    transparency::sct::{AddChainRequest, AddChainResponse},
};

pub struct HttpCtLog {
    info: CtLogInfo,
    endpoint: String,
    http: ProviderHttp,
}

impl HttpCtLog {
    pub fn new(info: CtLogInfo) -> Result<Self, CtSubmitError> {
        let unreachable = |reason: String| CtSubmitError::Unreachable {
            log: info.name.clone(),
            reason,
        };
        let endpoint = info
            .url
            .join("ct/v1/add-pre-chain")
            .map_err(|e| unreachable(e.to_string()))?
            .to_string();
        let http = ProviderHttp::new().map_err(|e| unreachable(gateway_text(e)))?;
        Ok(Self {
            info,
            endpoint,
            http,
        })
    }
}

fn gateway_text(e: GatewayError) -> String {
    match e {
        GatewayError::Provider(text) | GatewayError::Answer(text) => text,
    }
}

#[async_trait]
impl CtLog for HttpCtLog {
    fn info(&self) -> &CtLogInfo {
        &self.info
    }

    async fn add_pre_chain(&self, chain: &[Vec<u8>]) -> Result<AddChainResponse, CtSubmitError> {
        let log = || self.info.name.clone();
        let body = serde_json::to_vec(&AddChainRequest::new(chain)).map_err(|e| {
            CtSubmitError::Garbled {
                log: log(),
                reason: e.to_string(),
            }
        })?;
        let (status, answer) = self
            .http
            .send(Call {
                method: Method::POST,
                url: &self.endpoint,
                authorization: None,
                body: Some(("application/json", body)),
                idempotency_key: None,
            })
            .await
            .map_err(|e| CtSubmitError::Unreachable {
                log: log(),
                reason: gateway_text(e),
            })?;
        if status != 200 {
            return Err(CtSubmitError::Status {
                log: log(),
                status,
                body: String::from_utf8_lossy(&answer).chars().take(300).collect(),
            });
        }
        serde_json::from_slice(&answer).map_err(|e| CtSubmitError::Garbled {
            log: log(),
            reason: e.to_string(),
        })
    }
}
