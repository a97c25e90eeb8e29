//! The behaviour both backends must show, by topic.

mod append;
mod docs;
mod projections;
mod reading;
mod search;

pub use append::*;
pub use docs::*;
pub use projections::*;
pub use reading::*;
pub use search::*;
