//! The integration tests, one binary as ripgrep keeps them: one module per area (the
//! file name says which part of motcua it checks), the helpers in `support`. One area:
//! `cargo test --test it fuzz_inputs::` (a test-name filter on the module path).
//! insta keeps the snapshots in `tests/it/snapshots/it__<module>__<name>.snap`; proptest
//! its regression seeds in `tests/proptest-regressions/<module>.txt`; `tests/fixtures`
//! holds the scenario files the tests read.

mod support;

mod bundle_scenarios;
mod bundle_stream;
mod calendar_deadlines;
mod calendar_holidays;
mod calendar_hours;
mod calendar_lunar;
mod calendar_official;
mod catalogue_keys;
mod class_namesakes;
mod cli_calendar;
mod cli_calendar_scenario;
mod cli_class;
mod cli_due;
mod cli_help;
mod cli_new;
mod cli_preview;
mod cli_preview_render;
mod cli_results;
mod cli_solve_replay;
mod core_purity;
mod curriculum_coverage;
mod curriculum_golden;
mod doc_paths;
mod export_import;
mod fuzz_inputs;
mod generate_determinism;
mod generate_distribution;
mod generate_documents_layout;
mod generate_layout;
mod generate_processes;
mod generate_properties;
mod hardening;
mod hidden_truth;
mod i18n_catalogue;
mod lrs_sync;
mod recipes;
mod scenario_model;
mod scenario_page_fee;
mod scenario_robustness;
mod scenario_rules;
mod scenario_rules_area;
mod scenario_rules_time;
mod scenario_site_check;
mod score_calibration;
mod score_golden;
mod score_mistakes;
mod score_panel;
mod session_apology;
mod session_delay_notice;
mod session_events;
mod session_properties;
mod session_reach;
mod session_replay;
mod session_result_channel;
mod session_solver;
mod store_attempts;
mod store_crash;
mod store_roster_id;
mod store_wal;
mod tui_reading;
mod tui_roster;
mod tui_screens;
mod tui_store;
mod tui_submit;
mod tui_timeline;
mod tui_tmux;
mod validate_fixtures;
mod world_jurisdiction;
mod world_version;
mod world_version_bundle;
mod world_visibility;
mod xapi_statements;
