//! The mock-runtime harness both command test files share: an app on an in-memory database
//! holding the demo company, and a way to invoke a command as the webview would.

use serde_json::{json, Value};
use tandem_app::{invoke_handler, AppState};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

pub type TestResult = Result<(), Box<dyn std::error::Error>>;

pub struct Harness {
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
}

/// An app on an in-memory database holding the demo company.
pub fn harness() -> Result<Harness, Box<dyn std::error::Error>> {
    let mut store = tandem_core::Store::open_in_memory()?;
    tandem_core::demo::load_demo(&mut store)?;
    harness_on(store)
}

/// An app on the given database.
pub fn harness_on(store: tandem_core::Store) -> Result<Harness, Box<dyn std::error::Error>> {
    let app = mock_builder()
        .manage(AppState::new(
            Some(store),
            Some(tandem_app::database::Target::File(":memory:".into())),
            None,
            std::env::temp_dir().join("tandem-mock-config"),
            ":memory:".into(),
        ))
        .invoke_handler(invoke_handler())
        .build(mock_context(noop_assets()))?;
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default()).build()?;
    Ok(Harness { _app: app, webview })
}

/// Invokes `cmd` with `body` from the app's own origin (the only one its ACL lets in).
pub fn call(h: &Harness, cmd: &str, body: InvokeBody) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().map_err(|_| json!("bad url"))?,
        body,
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&h.webview, request).and_then(|body| {
        body.deserialize::<Value>()
            .map_err(|e| json!(e.to_string()))
    })
}

pub fn json_call(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    call(h, cmd, InvokeBody::Json(args))
}

/// A command that must succeed; its error becomes the test's failure message.
pub fn ok(result: Result<Value, Value>) -> Result<Value, Box<dyn std::error::Error>> {
    result.map_err(|error| format!("command failed: {error}").into())
}
