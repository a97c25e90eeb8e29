use chrono::NaiveDate;

use super::*;
use crate::ids::PersonId;
use crate::testing::given;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn bl() -> CantonCode {
    CantonCode::parse("BL").unwrap()
}

fn year() -> Year {
    Year::parse(2019).unwrap()
}

fn coordinator() -> Actor {
    Actor::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(1)),
        TenantId::Canton(bl()),
    )
}

fn exact(value: u32) -> Figure {
    Figure::new(FigureValue::Exact { value })
}

/// Basel-Landschaft 2019 as in the 2020 panorama: the total and the IV
/// count were "k.A.", the RAV counted 247.
fn basel_landschaft_2019() -> FigureReport {
    FigureReport {
        cases_total: Figure::read(FreeText::parse("k.A.").unwrap()),
        cases_by_lead: BTreeMap::from([
            (InstitutionKind::Unemployment, exact(247)),
            (
                InstitutionKind::Disability,
                Figure::read(FreeText::parse("k.A.").unwrap()),
            ),
        ]),
        registered_unemployed: None,
        other: Vec::new(),
        note: FreeText::default(),
    }
}

fn report(figures: FigureReport, actor: Actor, on: NaiveDate) -> FiguresCommand {
    FiguresCommand::Report {
        canton: bl(),
        year: year(),
        figures,
        actor,
        on,
    }
}

fn reported() -> FiguresEvent {
    FiguresEvent::Reported {
        canton: bl(),
        year: year(),
        revision: 1,
        figures: basel_landschaft_2019(),
        actor: coordinator(),
        on: date(2020, 3, 31),
    }
}

#[test]
fn a_canton_reports_its_figures_as_written() {
    given::<KeyFigures>([])
        .when(report(
            basel_landschaft_2019(),
            coordinator(),
            date(2020, 3, 31),
        ))
        .then([reported()]);
    let figures = KeyFigures::replay(&[reported()]);
    let total = &figures.figures().unwrap().cases_total;
    assert_eq!(total.value, FigureValue::NotAvailable);
    assert_eq!(total.as_written.as_str(), "k.A.");
}

#[test]
fn a_correction_is_a_new_revision_and_the_same_report_is_no_change() {
    let mut corrected = basel_landschaft_2019();
    corrected.cases_total = exact(700);
    given::<KeyFigures>([reported()])
        .when(report(corrected.clone(), coordinator(), date(2021, 1, 10)))
        .then([FiguresEvent::Reported {
            canton: bl(),
            year: year(),
            revision: 2,
            figures: corrected,
            actor: coordinator(),
            on: date(2021, 1, 10),
        }]);
    given::<KeyFigures>([reported()])
        .when(report(
            basel_landschaft_2019(),
            coordinator(),
            date(2021, 1, 10),
        ))
        .then([]);
    given::<KeyFigures>([reported()])
        .when(report(
            basel_landschaft_2019(),
            coordinator(),
            date(2020, 1, 1),
        ))
        .then_err(FiguresError::DateBeforeLastReport {
            last: date(2020, 3, 31),
            date: date(2020, 1, 1),
        });
}

#[test]
fn only_the_canton_reports_its_figures() {
    let fachstelle = Actor::new(coordinator().person, TenantId::National);
    given::<KeyFigures>([])
        .when(report(
            basel_landschaft_2019(),
            fachstelle,
            date(2020, 3, 31),
        ))
        .then_err(FiguresError::CantonReports(bl()));
    let zurich = Actor::new(
        coordinator().person,
        TenantId::Canton(CantonCode::parse("ZH").unwrap()),
    );
    given::<KeyFigures>([])
        .when(report(basel_landschaft_2019(), zurich, date(2020, 3, 31)))
        .then_err(FiguresError::NotTheCanton(bl()));
}

#[test]
fn a_reversed_range_is_refused() {
    let mut figures = basel_landschaft_2019();
    figures.cases_total = Figure::new(FigureValue::Range {
        low: 400,
        high: 200,
    });
    given::<KeyFigures>([])
        .when(report(figures, coordinator(), date(2020, 3, 31)))
        .then_err(FiguresError::RangeReversed {
            low: 400,
            high: 200,
        });
}

fn with_unemployed(cases: Figure, unemployed: Figure) -> FigureReport {
    FigureReport {
        cases_total: cases,
        cases_by_lead: BTreeMap::new(),
        registered_unemployed: Some(unemployed),
        other: Vec::new(),
        note: FreeText::default(),
    }
}

#[test]
fn the_potential_share_comes_only_from_exact_or_estimated_figures() {
    let share = with_unemployed(exact(540), exact(20_000)).potential_share();
    assert_eq!(
        share,
        Ok(PotentialShare {
            cases: 540,
            unemployed: 20_000,
            basis_points: 270,
            basis: ShareBasis::Exact,
        })
    );
    let estimated = with_unemployed(Figure::new(FigureValue::Estimate { value: 20 }), exact(300));
    assert_eq!(
        estimated
            .potential_share()
            .map(|share| (share.basis_points, share.basis)),
        Ok((667, ShareBasis::Estimated))
    );
    let range = with_unemployed(
        Figure::new(FigureValue::Range { low: 65, high: 85 }),
        exact(900),
    );
    assert_eq!(range.potential_share(), Err(NoShare::NotAPoint));
    assert_eq!(
        with_unemployed(exact(5), exact(0)).potential_share(),
        Err(NoShare::NoUnemployed)
    );
    assert_eq!(
        basel_landschaft_2019().potential_share(),
        Err(NoShare::NoUnemployedFigure)
    );
}

#[test]
fn events_round_trip_through_their_stored_form() {
    use crate::DomainEvent;
    let (event_type, payload) = reported().encode().unwrap();
    assert_eq!(event_type, "Reported");
    assert_eq!(
        payload["figures"]["cases_total"]["value"]["kind"],
        "not_available"
    );
    assert_eq!(
        payload["figures"]["cases_by_lead"]["unemployment"]["value"]["value"],
        247
    );
    assert_eq!(
        FiguresEvent::decode(event_type, payload).unwrap(),
        reported()
    );
}
