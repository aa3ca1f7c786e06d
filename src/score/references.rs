//! The legal instrument behind each rule, by the rule set in force (domain §0, §2, §4).
//! Only instruments the domain note confirms; article numbers only where it does.

use crate::scenario::RuleSet;

use super::mistake::MistakeCode;

/// The general reference for `code` under `rules`. Mistakes about a planted flaw
/// cite the flaw's own `reference` instead.
pub fn general(code: MistakeCode, rules: RuleSet) -> &'static str {
    use MistakeCode::*;
    match (code, rules) {
        (SupplementTwice, _) => {
            "QĐ 766/QĐ-TTg, chỉ số 2.1 (yêu cầu bổ sung quá một lần tính là quá hạn)"
        }
        (AskedNationalDb, _) => {
            "Luật Chuyển đổi số (2025), Điều 32; Nghị định 45/2020/NĐ-CP (tái sử dụng dữ liệu)"
        }
        (NotDigitized | NotReused, _) => {
            "Thông tư 01/2023/TT-VPCP; QĐ 766/QĐ-TTg, chỉ số 4.2 và 4.3"
        }
        (Late | Unfinished, _) => "QĐ 766/QĐ-TTg, chỉ số 2.1 (hồ sơ xử lý đúng hạn)",
        (LateWithoutApology | ApologyNotNeeded, RuleSet::R2025) => {
            "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, mẫu 04"
        }
        (LateWithoutApology | ApologyNotNeeded, RuleSet::R2018) => {
            "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, mẫu 04"
        }
        (ResultBeforePayment, _) => "QĐ 766/QĐ-TTg, chỉ số 3.6; Nghị định 42/2022/NĐ-CP, Điều 11",
        (WrongResultChannel, _) => "Nghị định 42/2022/NĐ-CP, Điều 11 khoản 1",
        (_, RuleSet::R2025) => {
            "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, mẫu 01, 02, 03, 05"
        }
        (_, RuleSet::R2018) => "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, mẫu 01, 02, 03",
    }
}
