//! The applicant's choice of how the result comes back: the first word of the
//! dossier's choices stream, apart from its documents (docs/generator.md).

use crate::scenario::{Channel, ResultChannel, ServiceLevel};

use super::rng::SimRng;

/// Public post with probability `by_post` where it is open, otherwise the usual
/// way for the filing (`ResultChannel::open_to`). Always exactly one draw.
pub(crate) fn choose(
    rng: &mut SimRng,
    service: ServiceLevel,
    filed: Channel,
    by_post: f64,
) -> ResultChannel {
    let post = rng.chance(by_post);
    let open = ResultChannel::open_to(service, filed);
    if post && open.contains(&ResultChannel::Post) {
        ResultChannel::Post
    } else {
        open[0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toan_trinh_online_filing_never_gets_the_counter() {
        let mut rng = SimRng::choices(5, 0);
        for share in [0.0, 0.5, 1.0] {
            for _ in 0..50 {
                let c = choose(&mut rng, ServiceLevel::ToanTrinh, Channel::Online, share);
                assert_ne!(c, ResultChannel::Counter);
            }
        }
    }

    #[test]
    fn the_share_decides_post_and_the_usual_way_is_the_rest() {
        let mut rng = SimRng::choices(5, 0);
        let pick =
            |rng: &mut SimRng, share| choose(rng, ServiceLevel::MotPhan, Channel::Counter, share);
        assert_eq!(pick(&mut rng, 0.0), ResultChannel::Counter);
        assert_eq!(pick(&mut rng, 1.0), ResultChannel::Post);
        // Filed by post, the result goes back by post unless a scenario says otherwise.
        let c = choose(&mut rng, ServiceLevel::MotPhan, Channel::Post, 0.0);
        assert_eq!(c, ResultChannel::Post);
    }
}
