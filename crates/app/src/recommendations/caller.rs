//! Recommendation commands as one caller may issue them.

use iiz_domain::recommendation::{RecommendationAction, RecommendationStage};
use std::collections::BTreeSet;

use iiz_domain::{ConcernId, Party, Recommendation, RecommendationCommand, RecommendationId};
use iiz_projections::{RECOMMENDATIONS, RecommendationView};

use super::decisions::STG_DECISION;
use super::{NewRecommendation, recommendation_stream};
use crate::authz::body_decision::as_body;
use crate::authz::recommendation::{
    RecommendationAct, authorize_recommendation, monitors_nationally, speaks_for,
};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed};

/// The act a command is, for authorization.
fn act_of(command: &RecommendationCommand) -> RecommendationAct {
    match command {
        RecommendationCommand::Draft { .. }
        | RecommendationCommand::Edit { .. }
        | RecommendationCommand::Discard { .. }
        | RecommendationCommand::Publish { .. } => RecommendationAct::Prepare,
        RecommendationCommand::Adopt { .. }
        | RecommendationCommand::Amend { .. }
        | RecommendationCommand::Supersede { .. }
        | RecommendationCommand::Close { .. } => RecommendationAct::RecordStgDecision,
        RecommendationCommand::Prioritize { .. } => RecommendationAct::Prioritize,
        RecommendationCommand::Flag { .. } | RecommendationCommand::ResolveFlag { .. } => {
            RecommendationAct::Flag
        }
        RecommendationCommand::Answer { addressee, .. }
        | RecommendationCommand::Report { addressee, .. }
        | RecommendationCommand::Share { addressee, .. } => RecommendationAct::Respond(*addressee),
    }
}

impl Caller<'_> {
    /// Drafts a recommendation. The concerns it rests on must exist.
    pub async fn draft_recommendation(
        &self,
        new: NewRecommendation,
    ) -> Result<(RecommendationId, Executed), AppError> {
        self.check_operation(Operation::DraftRecommendation, Target::platform())?;
        let standing = self.standing().await?;
        authorize_recommendation(self.principal(), &standing, RecommendationAct::Prepare)?;
        self.app()
            .check_optional_focus_area(new.content.focus_area.as_ref())
            .await?;
        self.check_basis_concerns(&new.content.basis.concerns, &BTreeSet::new())
            .await?;
        let id = RecommendationId::new();
        let command = RecommendationCommand::Draft {
            id,
            content: new.content,
            addressees: new.addressees,
            schedule: new.schedule,
        };
        let executed = self
            .app()
            .execute::<Recommendation>(recommendation_stream(id), command, self.event_metadata()?)
            .await?;
        Ok((id, executed))
    }

    /// Takes one step on a recommendation. Publishing also answers the
    /// concerns whose STG decision it carries out.
    pub async fn recommendation_command(
        &self,
        id: RecommendationId,
        command: RecommendationCommand,
    ) -> Result<Executed, AppError> {
        self.check_operation(Operation::ActOnRecommendation, Target::platform())?;
        // Authorizes reading it: a draft is NOT_FOUND outside the national bodies.
        let view = self.recommendation(id).await?;
        let standing = self.standing().await?;
        let act = act_of(&command);
        let authorized = authorize_recommendation(self.principal(), &standing, act);
        if act == RecommendationAct::RecordStgDecision {
            as_body(authorized, STG_DECISION)?;
        } else {
            authorized?;
        }
        let command = self.recommendation_with_checked_basis(id, command).await?;
        if let RecommendationCommand::Edit { content, .. }
        | RecommendationCommand::Amend { content, .. } = &command
        {
            self.check_basis_concerns(&content.basis.concerns, &view.basis.concerns)
                .await?;
        }
        match &command {
            RecommendationCommand::Adopt { on, .. } if *on > self.app().clock().today() => {
                return Err(AppError::invalid(format!(
                    "the adoption date {on} is in the future"
                )));
            }
            RecommendationCommand::Supersede { by, .. } => self.check_successor(id, *by).await?,
            // A focus area it already has stays, even if a later programme
            // dropped it; a new one must be in the programme in force.
            RecommendationCommand::Edit { content, .. }
            | RecommendationCommand::Amend { content, .. }
                if content.focus_area != view.focus_area =>
            {
                self.app()
                    .check_optional_focus_area(content.focus_area.as_ref())
                    .await?;
            }
            _ => {}
        }
        let publishes = matches!(command, RecommendationCommand::Publish { .. });
        let executed = self
            .app()
            .execute::<Recommendation>(recommendation_stream(id), command, self.event_metadata()?)
            .await?;
        if publishes && !executed.events.is_empty() {
            self.answer_basis_concerns(id).await?;
        }
        Ok(executed)
    }

    /// Publishes today.
    pub async fn publish_recommendation(&self, id: RecommendationId) -> Result<Executed, AppError> {
        self.recommendation_command(
            id,
            RecommendationCommand::Publish {
                on: self.app().clock().today(),
            },
        )
        .await
    }

    /// The concerns a basis names exist and the caller sees them, with the
    /// same answer for both, so a draft of another tenant cannot be probed;
    /// those the recommendation already rests on stay.
    async fn check_basis_concerns(
        &self,
        concerns: &BTreeSet<ConcernId>,
        already: &BTreeSet<ConcernId>,
    ) -> Result<(), AppError> {
        for concern in concerns.difference(already) {
            if self.visible_concern(*concern).await?.is_none() {
                return Err(AppError::invalid(format!(
                    "the basis names concern {concern}, which does not exist"
                )));
            }
        }
        Ok(())
    }

    /// A successor must exist and be adopted or published.
    async fn check_successor(
        &self,
        id: RecommendationId,
        by: RecommendationId,
    ) -> Result<(), AppError> {
        if by == id {
            // The domain names this refusal.
            return Ok(());
        }
        let successor = self
            .app()
            .typed_doc::<RecommendationView>(RECOMMENDATIONS, &by.to_string())
            .await?;
        match successor.map(|view| view.stage) {
            Some(RecommendationStage::Adopted | RecommendationStage::Published) => Ok(()),
            Some(stage) => Err(AppError::invalid(format!(
                "recommendation {by} is {stage}: only an adopted or published one supersedes another"
            ))),
            None => Err(AppError::invalid(format!(
                "recommendation {by} does not exist"
            ))),
        }
    }

    /// The steps the caller may take on the recommendation now.
    pub async fn recommendation_actions(
        &self,
        view: &RecommendationView,
    ) -> Result<Vec<RecommendationAction>, AppError> {
        let Some(principal) = self.principal() else {
            return Err(AppError::Denied(Denied::Unauthenticated));
        };
        let standing = self.standing().await?;
        let responds = view
            .addressees
            .iter()
            .any(|party| speaks_for(principal, &standing, *party));
        let (state, _) = self
            .app()
            .load::<Recommendation>(&recommendation_stream(view.id))
            .await?;
        Ok(state
            .allowed_actions()
            .into_iter()
            .filter(|action| {
                let act = match action {
                    RecommendationAction::Edit
                    | RecommendationAction::Discard
                    | RecommendationAction::Publish => RecommendationAct::Prepare,
                    RecommendationAction::Adopt
                    | RecommendationAction::Amend
                    | RecommendationAction::Supersede
                    | RecommendationAction::Close => RecommendationAct::RecordStgDecision,
                    RecommendationAction::Prioritize => RecommendationAct::Prioritize,
                    RecommendationAction::Flag => RecommendationAct::Flag,
                    RecommendationAction::Answer
                    | RecommendationAction::Report
                    | RecommendationAction::Share => return responds,
                };
                authorize_recommendation(Some(principal), &standing, act).is_ok()
            })
            .collect())
    }

    /// The addressees of the recommendation the caller answers and reports
    /// for (a canton through its coordinators and office, a partner
    /// through its delegate): the forms a page offers.
    pub async fn addressees_i_speak_for(
        &self,
        view: &RecommendationView,
    ) -> Result<Vec<Party>, AppError> {
        let Some(principal) = self.principal() else {
            return Err(AppError::Denied(Denied::Unauthenticated));
        };
        let standing = self.standing().await?;
        Ok(view
            .addressees
            .iter()
            .copied()
            .filter(|party| speaks_for(principal, &standing, *party))
            .collect())
    }

    /// Whether the caller monitors nationally (dashboard, every item).
    pub async fn monitors_recommendations(&self) -> Result<bool, AppError> {
        let Some(principal) = self.principal() else {
            return Ok(false);
        };
        let standing = self.standing().await?;
        Ok(monitors_nationally(principal, &standing))
    }
}
