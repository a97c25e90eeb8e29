//! The national panorama computed from canton profiles and key figures
//! ([`national`], [`bodies`]), and the terms they share
//! ([`crate::panorama_terms`], re-exported here).

#[cfg(test)]
mod annex_tests;
pub mod bodies;
pub mod national;
#[cfg(test)]
mod national_tests;

pub use crate::panorama_terms::{
    Actor, InstitutionKind, NamedInstitution, RevisionRef, Year, YearOutOfRange,
};
