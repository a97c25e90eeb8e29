//! The demo's chairs: the STG's rotation over the last three periods and
//! the running one; the EKG's earlier chair (VSAA) recorded as it happened
//! and its running one (SKOS, with a deputy from the STG chair's area)
//! chosen by the EKG in its meeting before the term.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use iiz_domain::basis::DecisionSource;
use iiz_domain::chair::{ChairRule, TermHolders, term_end};
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{
    AgendaItem, Decision, ItemPurpose, ItemSubject, MeetingCommand, Resolution, Slot,
};
use iiz_domain::text::FreeText;
use iiz_domain::{BodyId, Partner, Party, TenantId};

use super::{groups, invalid, minus_days, minus_years, party, stg_office, text, title};
use crate::demo_cast::{Cast, JONAS, NICOLE, PETRA};
use crate::demo_people::demo_person_id;
use crate::meetings::NewMeeting;
use crate::tenants::seeded_body_id;
use crate::{App, AppError};

impl App {
    /// Returns the number of terms recorded.
    pub(super) async fn demo_chairs(
        &self,
        cast: &Cast,
        start: NaiveDate,
    ) -> Result<usize, AppError> {
        let fachstelle = cast.caller(self, PETRA)?;
        let stg = seeded_body_id(TenantId::National, "STG");
        let ekg = seeded_body_id(TenantId::National, "EKG");
        fachstelle.establish_chair(stg, ChairRule::stg()).await?;
        let chair = demo_person_id(groups::BEATRICE);
        let mut terms = 0;
        for back in (0..4).rev() {
            let from = minus_years(start, 2 * back)?;
            let until = term_end(from, 2).ok_or_else(|| invalid("term"))?;
            let office = stg_office(from.year());
            let person = (back == 0 && office == Party::Partner(Partner::Bsv)).then_some(chair);
            fachstelle
                .record_chair_term(stg, office, person, from, until)
                .await?;
            terms += 1;
        }
        fachstelle.establish_chair(ekg, ChairRule::ekg()).await?;
        // Before IIZ 3.0 the EKG's chair served four years: as it happened.
        let past = TermHolders {
            office: party("VSAA")?,
            person: None,
            deputy: None,
            deputy_person: None,
        };
        fachstelle
            .record_past_chair_term(ekg, past, minus_years(start, 4)?, minus_days(start, 1)?)
            .await?;
        let basis = self.demo_chair_election(cast, ekg, start).await?;
        // The conference of the STG chair's area deputises (needed when
        // the STG is not chaired by the BSV, SKOS's area).
        let deputy = match stg_office(start.year()) {
            Party::Partner(Partner::Sbfi) => "SBBK",
            Party::Partner(Partner::Seco) => "VSAA",
            Party::Partner(Partner::Sem) => "KID",
            _ => "IVSK",
        };
        let current = TermHolders {
            office: party("SKOS")?,
            person: Some(demo_person_id(NICOLE)),
            deputy: Some(party(deputy)?),
            deputy_person: None,
        };
        let until = term_end(start, 2).ok_or_else(|| invalid("term"))?;
        fachstelle
            .choose_chair_term(ekg, current, start, until, basis)
            .await?;
        Ok(terms + 2)
    }

    /// The EKG's meeting a month before the term, which elects its chair.
    async fn demo_chair_election(
        &self,
        cast: &Cast,
        ekg: BodyId,
        start: NaiveDate,
    ) -> Result<DecisionSource, AppError> {
        let petra = cast.caller(self, PETRA)?;
        let day = minus_days(start, 40)?;
        let at = |hour| {
            day.and_hms_opt(hour, 0, 0)
                .ok_or_else(|| invalid("meeting time"))
        };
        let new = NewMeeting {
            body: ekg,
            joint_with: None,
            title: title(&format!("EKG-Sitzung 4/{}", day.year()))?,
            slot: Slot {
                starts_at: at(14)?,
                ends_at: at(16)?,
                place: Some(title("Bern")?),
                online: None,
            },
        };
        let (meeting, _) = petra.schedule_meeting(new).await?;
        let item = AgendaItem {
            title: title("Wahl des Vorsitzes und der Stellvertretung")?,
            purpose: ItemPurpose::Decision,
            subject: ItemSubject::ChairElection(ekg),
            note: text("Vorsitz und Stellvertretung für die nächsten zwei Jahre.")?,
            documents: vec![],
        };
        let add = MeetingCommand::AddItem {
            item,
            reason: FreeText::default(),
        };
        petra.meeting_command(meeting, add).await?;
        petra
            .meeting_command(meeting, MeetingCommand::SendAgenda)
            .await?;
        self.minute_chair_election(cast, meeting).await?;
        Ok(DecisionSource::Meeting { meeting, item: 1 })
    }

    async fn minute_chair_election(&self, cast: &Cast, meeting: MeetingId) -> Result<(), AppError> {
        let decision = Decision {
            outcome: text("Das EKG wählt die SKOS in den Vorsitz und regelt die Stellvertretung.")?,
            rationale: text("Der Vorsitz wechselt alle zwei Jahre; das EKG regelt ihn selbst.")?,
            resolution: Resolution::Consensus,
            present: BTreeSet::from([demo_person_id(NICOLE), demo_person_id(JONAS)]),
            effect: None,
        };
        let minutes = MeetingCommand::RecordMinutes {
            number: 1,
            note: text("Einstimmig gewählt.")?,
            decision: Some(decision),
        };
        cast.caller(self, PETRA)?
            .meeting_command(meeting, minutes)
            .await?;
        Ok(())
    }
}
