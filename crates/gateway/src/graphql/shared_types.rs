//! Small GraphQL types every area shows: a party, a document link, an id.
//! A leaf: it imports no other GraphQL module.

use async_graphql::{ID, SimpleObject};
use iiz_domain::Party as DomainParty;
use iiz_domain::concern::Attachment;

/// An id as GraphQL shows it.
pub fn id(value: impl ToString) -> ID {
    ID(value.to_string())
}

/// A tenant (`CH`, a canton) or a partner organisation (`SKOS`, `SECO`, …).
#[derive(Debug, Clone, SimpleObject)]
pub struct Party {
    /// `TENANT` or `PARTNER`.
    pub kind: String,
    pub code: String,
}

impl From<&DomainParty> for Party {
    fn from(party: &DomainParty) -> Self {
        let kind = match party {
            DomainParty::Tenant(_) => "TENANT",
            DomainParty::Partner(_) => "PARTNER",
        };
        Self {
            kind: kind.to_owned(),
            code: party.to_string(),
        }
    }
}

/// A link to a document kept elsewhere.
#[derive(Debug, Clone, SimpleObject)]
pub struct AttachmentLink {
    pub title: String,
    pub link: String,
}

impl From<&Attachment> for AttachmentLink {
    fn from(attachment: &Attachment) -> Self {
        Self {
            title: attachment.title.as_str().to_owned(),
            link: attachment.link.as_str().to_owned(),
        }
    }
}

/// Document links as the API shows them.
pub fn links(documents: &[Attachment]) -> Vec<AttachmentLink> {
    documents.iter().map(Into::into).collect()
}
