//! Who may do what with a recommendation (see the rules in `recommendation`).

use std::collections::BTreeSet;

use iiz_domain::recommendation::RecommendationStage;
use iiz_domain::{Partner, Party, TenantId, TenantRole};

use super::concern::Standing;
use super::concern_tests::{ge, person, zh};
use super::recommendation::*;
use super::tests::outcome;
use super::*;

/// A standing in the national bodies: voting STG or EKG seat, partners
/// spoken for.
pub(super) fn seat(stg: bool, ekg: bool, partners: &[Partner]) -> Standing {
    Standing {
        stg_member: stg,
        stg_votes: stg,
        ekg_member: ekg,
        ekg_votes: ekg,
        partners: partners.iter().copied().collect::<BTreeSet<_>>(),
        ..Standing::default()
    }
}

/// A guest seat in the STG (the EKG chair, the head of the Fachstelle):
/// sits, does not vote.
pub(super) fn stg_guest() -> Standing {
    Standing {
        stg_member: true,
        ..Standing::default()
    }
}

/// Columns: office, STG member, EKG member, SODK delegate (EKG), ZH
/// coordinator, ZH office, ZH member, GE coordinator, platform admin,
/// anonymous.
fn callers() -> Vec<(Option<Principal>, Standing)> {
    let admin = Principal {
        platform_admin: true,
        ..person(&[])
    };
    vec![
        (
            Some(person(&[(TenantId::National, TenantRole::Office)])),
            Standing::default(),
        ),
        (Some(person(&[])), seat(true, false, &[])),
        (Some(person(&[])), seat(false, true, &[])),
        (Some(person(&[])), seat(false, true, &[Partner::Sodk])),
        (
            Some(person(&[(zh(), TenantRole::Coordinator)])),
            Standing::default(),
        ),
        (
            Some(person(&[(zh(), TenantRole::Office)])),
            Standing::default(),
        ),
        (
            Some(person(&[(zh(), TenantRole::Member)])),
            Standing::default(),
        ),
        (
            Some(person(&[(ge(), TenantRole::Coordinator)])),
            Standing::default(),
        ),
        (Some(admin), Standing::default()),
        (None, Standing::default()),
    ]
}

fn row(act: RecommendationAct) -> String {
    callers()
        .iter()
        .map(|(principal, standing)| {
            outcome(authorize_recommendation(principal.as_ref(), standing, act))
        })
        .collect()
}

#[test]
fn each_act_belongs_to_its_body_or_addressee() {
    use RecommendationAct as Act;
    assert_eq!(row(Act::Prepare), "AFFFFFFFFU");
    // The STG's decisions are recorded by the Fachstelle as its
    // secretariat, with the decision's basis; no STG member alone.
    assert_eq!(row(Act::RecordStgDecision), "AFFFFFFFFU");
    assert_eq!(row(Act::Prioritize), "AAFFFFFFFU");
    assert_eq!(row(Act::Flag), "AFAAFFFFFU");
    assert_eq!(row(Act::Respond(Party::Tenant(zh()))), "FFFFAAFFFU");
    assert_eq!(
        row(Act::Respond(Party::Partner(Partner::Sodk))),
        "FFFAFFFFFU"
    );
}

#[test]
fn a_guest_in_the_stg_reads_like_a_member_but_takes_no_step_of_the_stg() {
    let guest = person(&[]);
    let standing = stg_guest();
    assert!(monitors_nationally(&guest, &standing));
    for act in [
        RecommendationAct::RecordStgDecision,
        RecommendationAct::Prioritize,
    ] {
        assert_eq!(
            authorize_recommendation(Some(&guest), &standing, act),
            Err(Denied::Forbidden)
        );
    }
}

#[test]
fn drafts_are_national_and_published_texts_are_for_everyone_signed_in() {
    let seen = |stage| -> String {
        callers()
            .iter()
            .map(|(principal, standing)| {
                if sees_recommendation(principal.as_ref(), standing, stage) {
                    'Y'
                } else {
                    '-'
                }
            })
            .collect()
    };
    assert_eq!(seen(RecommendationStage::Draft), "YYYY------");
    assert_eq!(seen(RecommendationStage::Adopted), "YYYY------");
    assert_eq!(seen(RecommendationStage::Published), "YYYYYYYYY-");
    assert_eq!(seen(RecommendationStage::Closed), "YYYYYYYYY-");
}

#[test]
fn another_cantons_narrative_is_hidden_until_it_is_shared() {
    let seen = |party, shareable| -> String {
        callers()
            .iter()
            .filter_map(|(principal, standing)| principal.as_ref().map(|p| (p, standing)))
            .map(|(principal, standing)| {
                if sees_item(principal, standing, party, shareable) {
                    'Y'
                } else {
                    '-'
                }
            })
            .collect()
    };
    let zh = Party::Tenant(zh());
    assert_eq!(seen(zh, false), "YYYYYYY--");
    assert_eq!(seen(zh, true), "YYYYYYYYY");
    assert_eq!(seen(Party::Partner(Partner::Sodk), false), "YYYY-----");
}
