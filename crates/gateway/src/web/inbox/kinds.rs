//! The kinds of notification in the visitor's words (the inbox labels its
//! items with them, the profile its preferences).

use iiz_app::outbound::NotificationKind;

use crate::web::i18n::Tr;

/// What `kind` is called; one literal key per kind, so the key scan of
/// the tests sees each.
pub fn kind_label(tr: Tr, kind: NotificationKind) -> String {
    match kind {
        NotificationKind::ConcernSubmitted => tr.t("inbox-kind-concern-submitted"),
        NotificationKind::ConcernTriaged => tr.t("inbox-kind-concern-triaged"),
        NotificationKind::ConcernExamined => tr.t("inbox-kind-concern-examined"),
        NotificationKind::ConcernDecided => tr.t("inbox-kind-concern-decided"),
        NotificationKind::ConcernAnswered => tr.t("inbox-kind-concern-answered"),
        NotificationKind::ConcernOutcome => tr.t("inbox-kind-concern-outcome"),
        NotificationKind::Agenda => tr.t("inbox-kind-agenda"),
        NotificationKind::RecommendationPublished => tr.t("inbox-kind-recommendation-published"),
        NotificationKind::DueReminder => tr.t("inbox-kind-due-reminder"),
        NotificationKind::OverdueEscalation => tr.t("inbox-kind-overdue-escalation"),
        NotificationKind::MinutesApproved => tr.t("inbox-kind-minutes-approved"),
        NotificationKind::ResolutionAwaitingAnswer => tr.t("inbox-kind-resolution-awaiting"),
        NotificationKind::ResolutionOutcome => tr.t("inbox-kind-resolution-outcome"),
        NotificationKind::NetworkChanged => tr.t("inbox-kind-network-changed"),
        NotificationKind::SignInLocked => tr.t("inbox-kind-signin-locked"),
    }
}
