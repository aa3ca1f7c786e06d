//! The kinds of trainee action: their names in the action log and in `[costs]`,
//! and the office minutes each takes when the scenario does not say.

use super::keyed::keyed_enum;

keyed_enum!(
    /// What a logged action does, without its arguments. `Action::kind` maps every
    /// action here, so a new action is a compile error until it has a kind, and
    /// a new kind is one until `default_minutes` says what it costs.
    ActionKind {
        Open = "open",
        Inspect = "inspect",
        Accept = "accept",
        RequestSupplement = "request-supplement",
        Refuse = "refuse",
        Digitize = "digitize",
        Reuse = "reuse",
        Forward = "forward",
        Transfer = "transfer",
        Appraise = "appraise",
        Sign = "sign",
        RequestFee = "request-fee",
        ConfirmPayment = "confirm-payment",
        ReturnResult = "return-result",
        Apologize = "apologize",
        Stop = "stop",
        Wait = "wait",
        EndDay = "end-day",
    }
);

impl ActionKind {
    /// Built-in minutes (docs/engine.md, "Actions" table); `None` for the actions
    /// that move the clock by their own rule (`wait`, `end-day`), which `[costs]`
    /// cannot set.
    pub fn default_minutes(self) -> Option<u32> {
        use ActionKind::*;
        match self {
            Open | Reuse => Some(1),
            Inspect | Forward | RequestFee => Some(2),
            Digitize | ConfirmPayment => Some(3),
            Accept | Transfer | Sign | ReturnResult => Some(5),
            RequestSupplement | Refuse | Apologize | Stop => Some(10),
            Appraise => Some(20),
            Wait | EndDay => None,
        }
    }

    /// The names `[costs]` accepts, in declaration order.
    pub fn cost_keys() -> Vec<&'static str> {
        Self::ALL
            .iter()
            .filter(|k| k.default_minutes().is_some())
            .map(|k| k.key())
            .collect()
    }
}
