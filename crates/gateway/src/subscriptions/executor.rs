//! Runs the operations of one socket: each counts against the rate limit
//! (the caller's person, or the client's address), at most
//! [`super::SocketLimits::subscriptions_per_connection`] run at once, and
//! each reads with the socket's principal as it is now.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_graphql::parser::Pos;
use async_graphql::{Data, Executor, Request, Response};
use futures::StreamExt;
use futures::stream::{self, BoxStream};
use iiz_app::authz::Principal;
use tokio::sync::watch;

use crate::graphql::{Code, IizSchema, LivePrincipal, RequestContext, coded};
use crate::throttle::{RateKey, Throttle};

/// What the operations of one socket share.
#[derive(Debug)]
pub struct Shared {
    /// Set at `connection_init`, replaced when the person's roles change.
    pub principal: Arc<watch::Sender<Option<Principal>>>,
    pub client: IpAddr,
    pub request_id: String,
    pub secure_cookies: bool,
    /// Operations running now.
    running: AtomicUsize,
    most: usize,
}

impl Shared {
    pub fn new(
        client: IpAddr,
        request_id: String,
        secure_cookies: bool,
        most_running: usize,
    ) -> Self {
        Self {
            principal: Arc::new(watch::Sender::new(None)),
            client,
            request_id,
            secure_cookies,
            running: AtomicUsize::new(0),
            most: most_running,
        }
    }
}

/// One running operation; dropped when its stream ends or is stopped.
struct Running(Arc<Shared>);

impl Running {
    fn start(shared: &Arc<Shared>) -> Option<Self> {
        shared
            .running
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |running| {
                (running < shared.most).then_some(running + 1)
            })
            .ok()
            .map(|_| Self(shared.clone()))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::AcqRel);
    }
}

#[derive(Clone)]
pub struct SocketExecutor {
    pub schema: IizSchema,
    pub throttle: Throttle,
    pub shared: Arc<Shared>,
}

fn refusal(message: &str) -> BoxStream<'static, Response> {
    let error = coded(Code::RateLimited, message).into_server_error(Pos::default());
    stream::once(async move { Response::from_errors(vec![error]) }).boxed()
}

impl Executor for SocketExecutor {
    async fn execute(&self, request: Request) -> Response {
        // The socket only streams; answer a single request the same way.
        self.execute_stream(request, None)
            .next()
            .await
            .unwrap_or_default()
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let principal = self.shared.principal.borrow().clone();
        if !self
            .throttle
            .allow(&RateKey::of(principal.as_ref(), self.shared.client))
        {
            return refusal("too many requests; slow down");
        }
        let Some(running) = Running::start(&self.shared) else {
            return refusal(&format!(
                "at most {} operations at once per connection",
                self.shared.most
            ));
        };
        let request = request
            .data(RequestContext {
                principal,
                request_id: self.shared.request_id.clone(),
                session_token: None,
                secure_cookies: self.shared.secure_cookies,
                client: None,
                // A socket cannot set the session cookie, and any site may
                // open one: signing in is for HTTP POST only.
                foreign_origin: true,
            })
            .data(LivePrincipal(self.shared.principal.subscribe()));
        self.schema
            .execute_stream_with_session_data(request, session_data.unwrap_or_default())
            .map(move |response| {
                // Held as long as the stream runs.
                let _running = &running;
                response
            })
            .boxed()
    }
}
