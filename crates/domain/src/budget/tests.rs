//! Given/when/then: a four-year budget in equal shares, reported yearly.

use super::*;
use crate::partner::Partner;
use crate::testing::given;

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn id() -> BudgetId {
    BudgetId::from_uuid(uuid::Uuid::from_u128(1))
}

fn plan(total: u64) -> BudgetCommand {
    BudgetCommand::Plan {
        id: id(),
        first_year: 2025,
        total,
        purpose: text("Betrieb der Fachstelle"),
    }
}

fn planned() -> BudgetEvent {
    BudgetEvent::Planned {
        id: id(),
        first_year: 2025,
        last_year: 2028,
        total: 2_400_000,
        share: 600_000,
        offices: vec![Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem],
        purpose: text("Betrieb der Fachstelle"),
    }
}

fn reported(year: i32) -> BudgetEvent {
    BudgetEvent::YearReported {
        year,
        spent: 580_000,
        narrative: text("Personal und Tagung"),
    }
}

#[test]
fn the_four_offices_fund_four_years_in_equal_shares() {
    given::<Budget>([]).when(plan(2_400_000)).then([planned()]);
    given::<Budget>([])
        .when(plan(2_400_002))
        .then_err(BudgetError::UnequalShares { total: 2_400_002 });
    given::<Budget>([])
        .when(plan(0))
        .then_err(BudgetError::UnequalShares { total: 0 });
    given::<Budget>([planned()])
        .when(plan(2_400_000))
        .then_err(BudgetError::AlreadyPlanned);
    given::<Budget>([])
        .when(BudgetCommand::Plan {
            id: id(),
            first_year: 1925,
            total: 4,
            purpose: text("x"),
        })
        .then_err(BudgetError::ImplausibleYear(1925));
}

#[test]
fn each_year_of_the_period_is_reported_once() {
    let report = |year| BudgetCommand::ReportYear {
        year,
        spent: 580_000,
        narrative: text("Personal und Tagung"),
    };
    given::<Budget>([planned()])
        .when(report(2025))
        .then([reported(2025)]);
    given::<Budget>([planned()])
        .when(report(2029))
        .then_err(BudgetError::OutsidePeriod {
            year: 2029,
            first: 2025,
            last: 2028,
        });
    given::<Budget>([planned(), reported(2025)])
        .when(report(2025))
        .then_err(BudgetError::AlreadyReported(2025));
    given::<Budget>([])
        .when(report(2025))
        .then_err(BudgetError::NotPlanned);
}

#[test]
fn the_stg_takes_note_of_a_report_once() {
    let note = |year| BudgetCommand::NoteReport {
        year,
        note: text("Zur Kenntnis genommen"),
    };
    given::<Budget>([planned()])
        .when(note(2025))
        .then_err(BudgetError::NotReported(2025));
    let noted = BudgetEvent::ReportNoted {
        year: 2025,
        note: text("Zur Kenntnis genommen"),
    };
    given::<Budget>([planned(), reported(2025)])
        .when(note(2025))
        .then([noted.clone()]);
    given::<Budget>([planned(), reported(2025), noted])
        .when(note(2025))
        .then_err(BudgetError::AlreadyNoted(2025));
}
