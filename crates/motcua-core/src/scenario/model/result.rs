//! How the applicant asks for the result back, and which ways the law leaves open.

use super::keyed::keyed_enum;
use super::{Channel, ServiceLevel};

keyed_enum!(
    /// How the applicant asks for the result back (the choice on the e-form or at the
    /// counter): the electronic result online, public post (bưu chính công ích), or
    /// collected at the one-stop desk.
    ResultChannel {
        Online = "online",
        Post = "post",
        Counter = "counter",
    }
);

impl ResultChannel {
    /// The ways open to an applicant who filed by `filed` for a procedure of `service`,
    /// the usual one first. Toàn trình results go online or by public post (NĐ 42/2022
    /// Art 11.1a); public post is open to every filing, and a post filing need not take
    /// its result by post (QĐ 45/2016/QĐ-TTg Art 5: send the dossier, receive the
    /// result, or both); paper results are otherwise collected at the desk.
    pub fn open_to(service: ServiceLevel, filed: Channel) -> &'static [ResultChannel] {
        use ResultChannel::*;
        match (filed, service) {
            (Channel::Online, ServiceLevel::ToanTrinh) => &[Online, Post],
            (Channel::Post, _) => &[Post, Counter],
            (Channel::Online | Channel::Counter, _) => &[Counter, Post],
        }
    }
}
