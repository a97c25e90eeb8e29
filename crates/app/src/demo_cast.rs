//! The demo people who play the demo concerns and recommendations through
//! the real commands, each with their own roles and seats.

use std::collections::BTreeMap;

use crate::authz::Principal;
use crate::demo_people::demo_person_id;
use crate::{App, AppError, Caller};

/// A demo person, by e-mail.
pub(crate) type Who = &'static str;

pub(crate) const ANNA: Who = "anna.beispiel@zh.demo.iiz.invalid";
pub(crate) const RETO: Who = "reto.vorlage@zh.demo.iiz.invalid";
pub(crate) const SABINE: Who = "sabine.beleg@zh.demo.iiz.invalid";
pub(crate) const URS: Who = "urs.vorbild@so.demo.iiz.invalid";
pub(crate) const NADIA: Who = "nadia.entwurf@so.demo.iiz.invalid";
pub(crate) const ROLF: Who = "rolf.schema@so.demo.iiz.invalid";
pub(crate) const HANS: Who = "hans.probe@be.demo.iiz.invalid";
pub(crate) const LUC: Who = "luc.exemple@ge.demo.iiz.invalid";
pub(crate) const CLAIRE: Who = "claire.modele@vd.demo.iiz.invalid";
/// The SKOS delegate in the EKG.
pub(crate) const NICOLE: Who = "nicole.gabarit@skos.demo.iiz.invalid";
/// Examines for the EKG (and speaks for the IVSK there).
pub(crate) const JONAS: Who = "jonas.platzhalter@ekg.demo.iiz.invalid";
/// The Fachstelle: the single entry gate; drafts and publishes.
pub(crate) const PETRA: Who = "petra.muster@fachstelle.demo.iiz.invalid";
/// Decides for the STG.
pub(crate) const MARCO: Who = "marco.esempio@stg.demo.iiz.invalid";
/// Coordinates the network Espace Mittelland.
pub(crate) const MARTIN: Who = "martin.raster@netz.demo.iiz.invalid";

/// The demo people's principals, by e-mail.
pub(crate) struct Cast(BTreeMap<Who, Principal>);

impl Cast {
    pub(crate) fn caller<'a>(&'a self, app: &'a App, who: Who) -> Result<Caller<'a>, AppError> {
        let principal = self
            .0
            .get(who)
            .ok_or_else(|| AppError::Internal(format!("demo person {who} is not loaded")))?;
        Ok(app.caller(Some(principal)))
    }
}

impl App {
    /// The principals of the demo people named (those loaded).
    pub(crate) async fn demo_cast(
        &self,
        people: impl IntoIterator<Item = Who>,
    ) -> Result<Cast, AppError> {
        let mut cast = BTreeMap::new();
        for who in people {
            if let Some(principal) = self.principal_of(demo_person_id(who), None).await? {
                cast.insert(who, principal);
            }
        }
        Ok(Cast(cast))
    }
}
