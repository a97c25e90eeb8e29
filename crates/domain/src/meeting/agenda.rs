//! The agenda: numbered items, each for information, discussion or a
//! decision, on free text or on something the platform tracks.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decision::ItemSubject;
use crate::text::Attachment;
use crate::text::{FreeText, Title};

/// The most documents one item carries.
pub const MAX_ITEM_DOCUMENTS: usize = 20;

/// What the body does with an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemPurpose {
    Information,
    Discussion,
    Decision,
}

/// An agenda item as the office prepares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AgendaItem {
    pub title: Title,
    pub purpose: ItemPurpose,
    pub subject: ItemSubject,
    /// The office's preparation: background, proposal.
    pub note: FreeText,
    pub documents: Vec<Attachment>,
}
