//! The demo is for trying the platform: its people share one published
//! password. Loading it into a database of real people would give anyone
//! who reads the README a way in, so it is refused unless forced.

use iiz_domain::error::ErrorKind;
use iiz_projections::{PEOPLE, PersonView};
use iiz_store::DocQuery;

use crate::demo::DemoReport;
use crate::demo_people::demo_person_id;
use crate::{App, AppError, MAX_PAGE};

impl App {
    /// People of the database who are not demo people (by the id the
    /// demo derives from their e-mail), at most `limit` of them.
    pub async fn non_demo_people(&self, limit: usize) -> Result<Vec<PersonView>, AppError> {
        let mut found = Vec::new();
        let mut after = None;
        loop {
            let query = DocQuery {
                collection: PEOPLE.to_owned(),
                limit: MAX_PAGE,
                ..DocQuery::default()
            };
            let page = self.page::<PersonView>(query, after.as_deref()).await?;
            found.extend(
                page.items
                    .into_iter()
                    .filter(|person| person.id != demo_person_id(&person.email)),
            );
            match page.next {
                Some(next) if found.len() < limit => after = Some(next),
                _ => break,
            }
        }
        found.truncate(limit);
        Ok(found)
    }

    /// Loads the demo ([`App::load_demo`]) unless the database holds people
    /// who are not demo people; `force` loads it anyway.
    pub async fn load_demo_guarded(&self, force: bool) -> Result<DemoReport, AppError> {
        if !force {
            let others = self.non_demo_people(1).await?;
            if !others.is_empty() {
                return Err(AppError::refused(
                    ErrorKind::InvalidState,
                    "the database holds people who are not demo people: the demo (whose \
                     password is public) is not loaded into it; use --force to load it anyway",
                ));
            }
        }
        self.load_demo().await
    }
}
