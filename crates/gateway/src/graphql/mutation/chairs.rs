//! The chairs of a body (IIZ 3.0, 2.1 and 2.2, "Vorsitz und Kadenz"): the
//! STG's rotation, the EKG's terms chosen by its decision, past terms as
//! they happened.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::recommendations::today;
use iiz_domain::chair::{ChairCommand, ChairRule, TermHolders};
use iiz_domain::{BodyId, PersonId};

use super::basis::DecisionBasisInput;
use crate::graphql::args::{caller, invalid, parse_id, party};
use crate::graphql::group_types::{ChairHistory, ChairRuleKind};

async fn chairs_after(ctx: &Context<'_>, body: BodyId) -> Result<ChairHistory> {
    let (caller, request, _) = caller(ctx)?;
    let view = caller
        .chairs(body)
        .await
        .map_err(|error| request.error(error))?;
    Ok(ChairHistory::of(&view, today()))
}

async fn on_chair(ctx: &Context<'_>, body: &ID, command: ChairCommand) -> Result<ChairHistory> {
    let (caller, request, _) = caller(ctx)?;
    let body = parse_id(body, BodyId::parse)?;
    caller
        .chair_command(body, command)
        .await
        .map_err(|error| request.error(error))?;
    chairs_after(ctx, body).await
}

fn person(id: Option<&ID>) -> Result<Option<PersonId>> {
    id.map(|id| parse_id(id, PersonId::parse)).transpose()
}

/// Who holds a term: the chairing office and its deputy, with the people
/// if named.
#[derive(Debug, Clone, InputObject)]
pub struct TermHoldersInput {
    /// A partner's abbreviation (BSV, SKOS, …) or a tenant's code.
    pub office: String,
    pub person: Option<ID>,
    pub deputy: Option<String>,
    pub deputy_person: Option<ID>,
}

fn holders(input: &TermHoldersInput) -> Result<TermHolders> {
    Ok(TermHolders {
        office: party(&input.office)?,
        person: person(input.person.as_ref())?,
        deputy: input.deputy.as_deref().map(party).transpose()?,
        deputy_person: person(input.deputy_person.as_ref())?,
    })
}

#[derive(Debug, Default)]
pub struct ChairMutations;

#[Object]
impl ChairMutations {
    /// Starts a body's chair record: a rotation among `offices` with terms
    /// of `years` (any order not repeating the current office), a choice
    /// by the body's decision with terms of `years` (ELECTED), or a free
    /// choice with terms of at most `years`.
    async fn establish_chair_rule(
        &self,
        ctx: &Context<'_>,
        body: ID,
        kind: ChairRuleKind,
        #[graphql(
            default,
            validator(custom = "crate::graphql::args::MaxItems(\"offices\")")
        )]
        offices: Vec<String>,
        years: Option<u32>,
    ) -> Result<ChairHistory> {
        let rule = match kind {
            ChairRuleKind::Rotation => ChairRule::Rotation {
                offices: offices
                    .iter()
                    .map(|code| party(code))
                    .collect::<Result<_>>()?,
                years: years.ok_or_else(|| invalid("a rotation needs its term in years"))?,
            },
            ChairRuleKind::Elected => ChairRule::Elected {
                years: years.ok_or_else(|| invalid("an elected chair needs its term in years"))?,
            },
            ChairRuleKind::Free => ChairRule::Free { max_years: years },
        };
        let id = parse_id(&body, BodyId::parse)?;
        on_chair(ctx, &body, ChairCommand::Establish { body: id, rule }).await
    }

    /// Records a term of a rotation (the STG), oldest first; `until` is
    /// its last day.
    async fn record_chair_term(
        &self,
        ctx: &Context<'_>,
        body: ID,
        office: String,
        person: Option<ID>,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<ChairHistory> {
        let command = ChairCommand::RecordTerm {
            office: party(&office)?,
            person: self::person(person.as_ref())?,
            from,
            until,
        };
        on_chair(ctx, &body, command).await
    }

    /// Records a term the body chose (the EKG), with the body's decision
    /// on the chair's election: an item of its meeting about the election
    /// (subject CHAIR_ELECTION) or its circular resolution. Where the
    /// chair's area differs from the STG chair's, the deputy comes from
    /// the STG chair's area.
    async fn choose_chair_term(
        &self,
        ctx: &Context<'_>,
        body: ID,
        holders: TermHoldersInput,
        from: NaiveDate,
        until: NaiveDate,
        basis: DecisionBasisInput,
    ) -> Result<ChairHistory> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&body, BodyId::parse)?;
        caller
            .choose_chair_term(id, self::holders(&holders)?, from, until, basis.parse()?)
            .await
            .map_err(|error| request.error(error))?;
        chairs_after(ctx, id).await
    }

    /// Records a past term as it happened (before today), exempt from the
    /// rotation and choice rules but not from overlapping other terms.
    async fn record_past_chair_term(
        &self,
        ctx: &Context<'_>,
        body: ID,
        holders: TermHoldersInput,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<ChairHistory> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&body, BodyId::parse)?;
        caller
            .record_past_chair_term(id, self::holders(&holders)?, from, until)
            .await
            .map_err(|error| request.error(error))?;
        chairs_after(ctx, id).await
    }

    /// Names the person who chairs for the office in a term.
    async fn name_chair_person(
        &self,
        ctx: &Context<'_>,
        body: ID,
        number: u32,
        person: ID,
    ) -> Result<ChairHistory> {
        let person = parse_id(&person, PersonId::parse)?;
        on_chair(ctx, &body, ChairCommand::NamePerson { number, person }).await
    }
}
