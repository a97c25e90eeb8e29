//! Subscriptions: live updates of one concern and of the caller's inbox.
//!
//! Nothing polls. A stream waits on what can change what it follows: the
//! live feed ([`App::live`]: events published on the bus, which carries
//! every instance's appends, and inbox changes) and, for a concern, the log
//! notifier (appends of this process, at once, before the relay publishes
//! them). A feed receiver that fell behind re-reads once, since the signal
//! it waits for may be among those it skipped. Each update re-reads through
//! the caller, so losing the right to see the concern ends the stream with
//! `NOT_FOUND`. Over a socket the caller is the socket's principal as it is
//! now ([`LivePrincipal`]): a removed role wakes the stream, whose re-read
//! then ends it.

use async_graphql::{Context, ID, Result};
use futures::Stream;
use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_app::outbound::LiveSignal;
use iiz_domain::concern::Concern as ConcernAggregate;
use iiz_domain::{Aggregate, ConcernId};
use iiz_store::{EventStore, InboxItem as StoredItem};
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, watch};

use super::args::{first, parse_id};
use super::concern_types::Concern;
use super::context::{LivePrincipal, RequestContext};
use super::inbox_types::{InboxItem, InboxUpdate};

/// Newest items an inbox update carries unless the client asks otherwise.
const INBOX_ITEMS: i32 = 10;

#[derive(Debug, Default)]
pub struct Subscription;

/// What wakes a stream.
struct Wakers {
    live: Option<broadcast::Receiver<LiveSignal>>,
    log: Option<watch::Receiver<u64>>,
    /// The socket's principal, when the stream runs over one.
    access: Option<watch::Receiver<Option<Principal>>>,
}

impl Wakers {
    /// Waits until something `relevant` may have changed; false once
    /// nothing can wake the stream any more.
    async fn wait(&mut self, relevant: impl Fn(&LiveSignal) -> bool) -> bool {
        loop {
            tokio::select! {
                received = recv(self.live.as_mut()), if self.live.is_some() => match received {
                    Ok(signal) if relevant(&signal) => return true,
                    Ok(_) => {}
                    Err(RecvError::Lagged(skipped)) => {
                        tracing::debug!(skipped, "live subscriber fell behind; re-reading");
                        return true;
                    }
                    Err(RecvError::Closed) => self.live = None,
                },
                changed = changed(self.log.as_mut()), if self.log.is_some() => match changed {
                    Ok(()) => return true,
                    Err(_) => self.log = None,
                },
                changed = changed(self.access.as_mut()), if self.access.is_some() => match changed {
                    Ok(()) => return true,
                    Err(_) => self.access = None,
                },
                else => return false,
            }
        }
    }

    /// Who the stream reads as now: the socket's principal, else the one
    /// it started with.
    fn principal(&self, initial: Option<&Principal>) -> Option<Principal> {
        match &self.access {
            Some(access) => access.borrow().clone(),
            None => initial.cloned(),
        }
    }
}

async fn recv(live: Option<&mut broadcast::Receiver<LiveSignal>>) -> Result<LiveSignal, RecvError> {
    match live {
        Some(live) => live.recv().await,
        None => Err(RecvError::Closed),
    }
}

async fn changed<T>(log: Option<&mut watch::Receiver<T>>) -> Result<(), watch::error::RecvError> {
    match log {
        Some(log) => log.changed().await,
        None => std::future::pending().await,
    }
}

struct FollowConcern {
    app: App,
    principal: Option<Principal>,
    request: RequestContext,
    id: ConcernId,
    wakers: Wakers,
    /// The version last sent; `None` before the first message.
    sent: Option<u64>,
    ended: bool,
}

impl FollowConcern {
    fn relevant(&self) -> impl Fn(&LiveSignal) -> bool + use<> {
        let id = self.id.to_string();
        move |signal| {
            matches!(signal, LiveSignal::Event { stream_type, stream_id, .. }
                if stream_type == ConcernAggregate::STREAM_TYPE && *stream_id == id)
        }
    }

    async fn next(mut self) -> Option<(Result<Concern>, Self)> {
        loop {
            if self.ended {
                return None;
            }
            if self.sent.is_some() {
                let relevant = self.relevant();
                if !self.wakers.wait(relevant).await {
                    return None;
                }
            }
            let principal = self.wakers.principal(self.principal.as_ref());
            let read = self.app.caller(principal.as_ref()).concern(self.id).await;
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

struct FollowInbox {
    app: App,
    principal: Principal,
    request: RequestContext,
    newest: usize,
    wakers: Wakers,
    /// What was last sent; `None` before the first message.
    sent: Option<(u64, Vec<StoredItem>)>,
    ended: bool,
}

impl FollowInbox {
    async fn read(&self) -> std::result::Result<(u64, Vec<StoredItem>), iiz_app::AppError> {
        let principal = self.wakers.principal(Some(&self.principal));
        let caller = self.app.caller(principal.as_ref());
        let page = caller.inbox(false, self.newest, None).await?;
        Ok((caller.inbox_unread_count().await?, page.items))
    }

    async fn next(mut self) -> Option<(Result<InboxUpdate>, Self)> {
        loop {
            if self.ended {
                return None;
            }
            if self.sent.is_some() {
                let person = self.principal.person.to_string();
                let relevant = move |signal: &LiveSignal| matches!(signal, LiveSignal::Inbox { person: changed } if *changed == person);
                if !self.wakers.wait(relevant).await {
                    return None;
                }
            }
            match self.read().await {
                Ok(state) if self.sent.as_ref() == Some(&state) => {}
                Ok(state) => {
                    let update = InboxUpdate {
                        unread_count: state.0,
                        items: state.1.iter().cloned().map(InboxItem).collect(),
                    };
                    self.sent = Some(state);
                    return Some((Ok(update), self));
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
        // Listen before the first read, so no change slips in between.
        let wakers = Wakers {
            live: Some(app.live().subscribe()),
            log: Some(app.store().notifier().watch()),
            access: ctx.data_opt::<LivePrincipal>().map(|live| live.0.clone()),
        };
        // Refuse at once what the caller may not see.
        app.caller(principal.as_ref())
            .concern(id)
            .await
            .map_err(|error| request.error(error))?;
        let follow = FollowConcern {
            app,
            principal,
            request,
            id,
            wakers,
            sent: None,
            ended: false,
        };
        Ok(futures::stream::unfold(follow, FollowConcern::next))
    }

    /// The caller's unread count and newest items (`first`, default 10)
    /// now and after each change of the inbox: items arriving, items read
    /// here or in another tab.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn inbox_changed(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
    ) -> Result<impl Stream<Item = Result<InboxUpdate>> + use<>> {
        let request = RequestContext::of(ctx)?.clone();
        let app = ctx.data::<App>()?.clone();
        let principal = request.principal()?.clone();
        let newest = self::first(Some(first.unwrap_or(INBOX_ITEMS)))?;
        let wakers = Wakers {
            live: Some(app.live().subscribe()),
            log: None,
            access: ctx.data_opt::<LivePrincipal>().map(|live| live.0.clone()),
        };
        app.caller(Some(&principal))
            .inbox_unread_count()
            .await
            .map_err(|error| request.error(error))?;
        let follow = FollowInbox {
            app,
            principal,
            request,
            newest,
            wakers,
            sent: None,
            ended: false,
        };
        Ok(futures::stream::unfold(follow, FollowInbox::next))
    }
}
