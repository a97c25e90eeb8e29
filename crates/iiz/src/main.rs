//! `iiz`: the IIZ platform in one binary.

use clap::Parser;
use iiz::cli::{Cli, Command, TenantsCommand};
use iiz::config::Config;
use iiz::{output, serve, telemetry};

mod allocator;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            output::error(&format!("invalid configuration: {error}"));
            return std::process::ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format);
    allocator::return_freed_memory();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            output::error(&format!("cannot start the runtime: {error}"));
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command, config)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            output::error(&format!("{error:#}"));
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::serve(config.with_overrides(&args), args.demo).await,
        Command::Migrate => {
            let app = serve::connect(&config).await?;
            app.store().migrate().await?;
            output::line(&format!(
                "migrations applied ({})",
                app.store().backend().name()
            ));
            Ok(())
        }
        Command::Replay => serve::replay(&config).await,
        Command::Demo { force } => {
            let app = serve::open(&config).await?;
            let report = app.load_demo_guarded(force || config.demo_force).await?;
            output::demo_report(&report);
            Ok(())
        }
        Command::Tenants {
            command: TenantsCommand::Bootstrap,
        } => {
            let app = serve::open(&config).await?;
            let catalog = iiz_app::CantonCatalog::embedded()?;
            let report = app
                .bootstrap_tenants(&catalog, iiz_app::demo::SYSTEM_ACTOR)
                .await?;
            output::line(&format!(
                "tenants registered: {}, already registered: {}",
                report.tenants_registered, report.tenants_unchanged
            ));
            Ok(())
        }
        Command::Config => {
            for (key, value) in config.describe() {
                output::line(&format!("{key:<16} {value}"));
            }
            Ok(())
        }
    }
}
