//! One socket from upgrade to close: the GraphQL protocol in between, the
//! `connection_init` deadline, and the end when its credentials go.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};

use async_graphql::Data;
use async_graphql::http::{WebSocket as GraphQLSocket, WebSocketProtocols, WsMessage};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures::{SinkExt, StreamExt, future};
use tokio::sync::oneshot;

use super::admission::{self, Admitted, UNAUTHORIZED};
use super::executor::{Shared, SocketExecutor};
use super::watch::{self, Watched};
use crate::api::Api;
use crate::throttle::Held;

/// The close code when `connection_init` came too late.
const INIT_TIMEOUT: u16 = 4408;
/// The close code of a message over the size limit.
const TOO_BIG: u16 = 1009;

/// What the upgrade request told about the socket.
#[derive(Debug)]
pub struct Opened {
    pub client: IpAddr,
    pub cookie: Option<String>,
    pub request_id: String,
    /// The client address's slot among its open sockets.
    pub address_slot: Held,
}

async fn close(sink: &mut (impl SinkExt<Message> + Unpin), code: u16, reason: &str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    // The client may be gone already; the socket ends either way.
    sink.send(Message::Close(Some(frame))).await.ok();
}

pub async fn serve(api: Api, socket: WebSocket, protocol: WebSocketProtocols, opened: Opened) {
    let Opened {
        client,
        cookie,
        request_id,
        address_slot: _address_slot,
    } = opened;
    let limits = api.socket_limits.clone();
    let shared = Arc::new(Shared::new(
        client,
        request_id,
        api.secure_cookies,
        limits.subscriptions_per_connection,
    ));
    let executor = SocketExecutor {
        schema: api.schema.clone(),
        throttle: api.throttle.clone(),
        shared: shared.clone(),
    };
    let (mut sink, stream) = socket.split();
    // A read error ends the input; over the size limit, the close says so.
    let unreadable = Arc::new(AtomicBool::new(false));
    let input = {
        let unreadable = unreadable.clone();
        stream
            .take_while(move |received| {
                if let Err(error) = received {
                    tracing::debug!(%error, "socket read failed");
                    unreadable.store(true, Ordering::Relaxed);
                }
                future::ready(received.is_ok())
            })
            .filter_map(|received| {
                future::ready(match received {
                    Ok(message @ (Message::Text(_) | Message::Binary(_))) => {
                        Some(message.into_data())
                    }
                    _ => None,
                })
            })
    };
    // `connection_init` hands over who the socket is for; a refusal leaves
    // its close code for the close frame the protocol then sends.
    let (admitted_tx, mut admitted_rx) = oneshot::channel::<Admitted>();
    let refusal_code = Arc::new(AtomicU16::new(0));
    let on_init = {
        let api = api.clone();
        let shared = shared.clone();
        let refusal_code = refusal_code.clone();
        move |payload: serde_json::Value| async move {
            match admission::admit(&api, cookie, &payload, client).await {
                Ok(admitted) => {
                    shared.principal.send_replace(admitted.principal.clone());
                    admitted_tx.send(admitted).ok();
                    Ok(Data::default())
                }
                Err(refused) => {
                    refusal_code.store(refused.close_code, Ordering::Relaxed);
                    Err(refused.error)
                }
            }
        }
    };
    let graphql = GraphQLSocket::new(executor, input, protocol).on_connection_init(on_init);
    tokio::pin!(graphql);
    let init_deadline = tokio::time::sleep(limits.init_timeout);
    tokio::pin!(init_deadline);
    let mut initialised = false;
    // Held while the socket lives: the person's slot and the check.
    let mut held: Vec<(Option<Held>, Option<watch::Watch>)> = Vec::with_capacity(1);
    let (ended_tx, mut ended_rx) = oneshot::channel::<()>();
    let mut ended_tx = Some(ended_tx);
    // Whether the check runs and may still tell of an end.
    let mut watching = false;
    loop {
        tokio::select! {
            message = graphql.next() => match message {
                Some(WsMessage::Text(text)) => {
                    if sink.send(Message::Text(text.into())).await.is_err() {
                        return;
                    }
                }
                Some(WsMessage::Close(code, reason)) => {
                    let refused = refusal_code.load(Ordering::Relaxed);
                    let code = if refused == 0 { code } else { refused };
                    close(&mut sink, code, &reason).await;
                    return;
                }
                None => {
                    if unreadable.load(Ordering::Relaxed) {
                        close(&mut sink, TOO_BIG, "message too big or unreadable").await;
                    }
                    return;
                }
            },
            admitted = &mut admitted_rx, if !initialised => {
                initialised = true;
                let Ok(admitted) = admitted else { continue };
                let person = admitted
                    .principal
                    .as_ref()
                    .map(|principal| principal.person.to_string())
                    .unwrap_or_default();
                let check = ended_tx.take().and_then(|ended| {
                    watch::start(Watched {
                        app: api.app.clone(),
                        credential: admitted.credential,
                        person,
                        principal: shared.principal.clone(),
                        every: limits.recheck_interval,
                        ended,
                    })
                });
                watching = check.is_some();
                held.push((admitted.person_slot, check));
            },
            () = &mut init_deadline, if !initialised => {
                close(&mut sink, INIT_TIMEOUT, "connection_init did not arrive in time").await;
                return;
            },
            ended = &mut ended_rx, if watching => {
                watching = false;
                if ended.is_ok() {
                    close(
                        &mut sink,
                        UNAUTHORIZED,
                        "the session ended or the token was revoked",
                    )
                    .await;
                    return;
                }
            },
        }
    }
}
