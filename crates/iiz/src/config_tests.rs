//! The configuration's tests: files, environment and flags in order.

use figment::Jail;

use super::*;

#[test]
fn defaults_use_the_embedded_database() {
    Jail::expect_with(|_jail| {
        let config = Config::from_figment(Config::figment(None)).unwrap();
        assert_eq!(config.database_url(), "sqlite://iiz-data/iiz.db");
        assert_eq!(config.listen, default_listen());
        assert_eq!(config.log_format, LogFormat::Pretty);
        Ok(())
    });
}

#[test]
fn environment_overrides_the_file_and_iiz_overrides_database_url() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "iiz.toml",
            "listen = \"0.0.0.0:9000\"\nmax_connections = 4\n",
        )?;
        jail.set_env("DATABASE_URL", "postgres://a:secret@db/iiz");
        jail.set_env("IIZ_LOG_FORMAT", "json");
        let config = Config::from_figment(Config::figment(None)).unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.max_connections, 4);
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.database_url(), "postgres://a:secret@db/iiz");
        jail.set_env("IIZ_DATABASE_URL", "sqlite://other.db");
        let config = Config::from_figment(Config::figment(None)).unwrap();
        assert_eq!(config.database_url(), "sqlite://other.db");
        Ok(())
    });
}

#[test]
fn the_panorama_rules_are_configurable() {
    Jail::expect_with(|jail| {
        let defaults = Config::from_figment(Config::figment(None)).unwrap();
        assert_eq!(defaults.panorama.answer_days, 60);
        jail.create_file(
            "iiz.toml",
            "[panorama]\nanswer_days = 30\ncanton_editor_roles = [\"coordinator\"]\n",
        )?;
        let rules = Config::from_figment(Config::figment(None))
            .unwrap()
            .panorama;
        assert_eq!(rules.answer_days, 30);
        assert_eq!(
            rules.canton_editor_roles,
            [iiz_domain::TenantRole::Coordinator].into()
        );
        assert_eq!(rules.fachstelle_roles, defaults.panorama.fachstelle_roles);
        Ok(())
    });
}

#[test]
fn request_limits_have_defaults_and_are_configurable() {
    Jail::expect_with(|jail| {
        let defaults = Config::from_figment(Config::figment(None)).unwrap();
        let gateway = defaults.gateway();
        assert_eq!(gateway.max_body_bytes, 256 * 1024);
        assert_eq!(gateway.query_limits.max_complexity, 5_000);
        assert_eq!(gateway.query_limits.max_depth, 12);
        jail.create_file("iiz.toml", "max_query_complexity = 800\n")?;
        jail.set_env("IIZ_MAX_BODY_BYTES", "1024");
        jail.set_env("IIZ_MAX_QUERY_DEPTH", "8");
        let gateway = Config::from_figment(Config::figment(None))
            .unwrap()
            .gateway();
        assert_eq!(gateway.max_body_bytes, 1024);
        assert_eq!(gateway.query_limits.max_complexity, 800);
        assert_eq!(gateway.query_limits.max_depth, 8);
        Ok(())
    });
}

#[test]
fn secrets_are_never_printed() {
    Jail::expect_with(|jail| {
        jail.set_env("DATABASE_URL", "postgres://iiz:hunter2@db:5432/iiz");
        let config = Config::from_figment(Config::figment(None)).unwrap();
        let described = format!("{:?} {:?}", config.describe(), config);
        assert!(!described.contains("hunter2"), "{described}");
        assert!(described.contains("postgres://***@db:5432/iiz"));
        Ok(())
    });
}

#[test]
fn the_public_origin_is_scheme_host_and_port() {
    assert_eq!(
        origin_of("https://iiz.example.ch/base/").as_deref(),
        Some("https://iiz.example.ch")
    );
    assert_eq!(
        origin_of("http://localhost:8080").as_deref(),
        Some("http://localhost:8080")
    );
    assert_eq!(origin_of("not a url"), None);
}

#[test]
fn session_settings_have_documented_defaults() {
    let settings = SessionConfig::default().settings();
    assert_eq!(settings.lifetime, chrono::Duration::hours(12));
    assert_eq!(settings.idle_timeout, chrono::Duration::hours(2));
    assert_eq!(settings.account, iiz_app::throttle::ThrottlePolicy::ACCOUNT);
    assert_eq!(settings.address, iiz_app::throttle::ThrottlePolicy::ADDRESS);
}

#[test]
fn invalid_values_are_reported() {
    Jail::expect_with(|jail| {
        jail.set_env("IIZ_LISTEN", "not an address");
        assert!(Config::from_figment(Config::figment(None)).is_err());
        Ok(())
    });
}
