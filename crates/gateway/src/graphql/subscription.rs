//! Subscriptions: live updates of one concern. The log notifier wakes the
//! stream after appends in this process; a slow poll catches appends of
//! other instances. Each update re-reads the concern through the caller, so
//! losing the right to see it ends the stream with `NOT_FOUND`.

use std::time::Duration;

use async_graphql::{Context, ID, Result};
use futures::Stream;
use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_domain::ConcernId;
use iiz_store::EventStore;
use tokio::sync::watch;

use super::concern_types::Concern;
use super::context::RequestContext;
use super::parse_id;

/// How often a subscription looks for changes made by other instances.
const POLL: Duration = Duration::from_secs(2);

#[derive(Debug, Default)]
pub struct Subscription;

struct Follow {
    app: App,
    principal: Option<Principal>,
    request: RequestContext,
    id: ConcernId,
    log: watch::Receiver<u64>,
    /// The version last sent; `None` before the first message.
    sent: Option<u64>,
    ended: bool,
}

impl Follow {
    async fn next(mut self) -> Option<(Result<Concern>, Self)> {
        loop {
            if self.ended {
                return None;
            }
            if self.sent.is_some() {
                tokio::select! {
                    _ = self.log.changed() => {}
                    () = tokio::time::sleep(POLL) => {}
                }
            }
            let read = self
                .app
                .caller(self.principal.as_ref())
                .concern(self.id)
                .await;
            match read {
                Ok(view) if self.sent == Some(view.version) => {}
                Ok(view) => {
                    self.sent = Some(view.version);
                    return Some((Ok(Concern::from(view)), self));
                }
                Err(error) => {
                    self.ended = true;
                    let error = self.request.error(error);
                    return Some((Err(error), self));
                }
            }
        }
    }
}

#[async_graphql::Subscription]
impl Subscription {
    /// The concern now and after each change.
    async fn concern_changed(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<impl Stream<Item = Result<Concern>> + use<>> {
        let request = RequestContext::of(ctx)?.clone();
        let app = ctx.data::<App>()?.clone();
        let id = parse_id(&id, ConcernId::parse)?;
        let principal = request.principal.clone();
        // Refuse at once what the caller may not see.
        app.caller(principal.as_ref())
            .concern(id)
            .await
            .map_err(|error| request.error(error))?;
        let log = app.store().notifier().watch();
        let follow = Follow {
            app,
            principal,
            request,
            id,
            log,
            sent: None,
            ended: false,
        };
        Ok(futures::stream::unfold(follow, Follow::next))
    }
}
