//! What the CLI prints for people (logs go to stderr through `tracing`).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use iiz_app::demo::DemoReport;

pub fn line(text: &str) {
    println!("{text}");
}

pub fn error(text: &str) {
    eprintln!("error: {text}");
}

pub fn demo_report(report: &DemoReport) {
    println!(
        "demo data loaded: {} tenants registered, {} bodies established, {} concerns and {} recommendations drafted, {} meetings scheduled (already present data is kept)",
        report.tenants_registered,
        report.bodies_established,
        report.concerns,
        report.recommendations,
        report.meetings
    );
    println!(
        "demo steering: {} working groups, {} projects, {} work programme, {} chair terms, {} budget",
        report.working_groups,
        report.projects,
        report.programmes,
        report.chair_terms,
        report.budgets
    );
    println!(
        "demo panorama: {} canton profiles from the 2020 annex (round 2020 published), {} cantons answered the open 2026 round",
        report.panorama_profiles, report.panorama_answers
    );
    if !report.logins.is_empty() {
        println!(
            "demo logins (fictitious people; password for all: {}):",
            report.logins[0].password
        );
        for login in &report.logins {
            println!("  {:<45} {}", login.email, login.who);
        }
    }
}
