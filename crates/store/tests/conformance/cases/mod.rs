//! The behaviour both backends must show, by topic.

mod append;
mod docs;
mod emails;
mod generations;
mod marks;
mod notifications;
mod projections;
mod reading;
mod search;
mod signin;
mod webhooks;

pub use append::*;
pub use docs::*;
pub use emails::*;
pub use generations::*;
pub use marks::*;
pub use notifications::*;
pub use projections::*;
pub use reading::*;
pub use search::*;
pub use signin::*;
pub use webhooks::*;
