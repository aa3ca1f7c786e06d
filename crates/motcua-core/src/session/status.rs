//! The ten dossier statuses the National Portal syncs (`TrangThai`; docs/architecture.md §5).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 1 Mới đăng ký.
    New,
    /// 2 Được tiếp nhận.
    Accepted,
    /// 3 Không được tiếp nhận.
    Refused,
    /// 4 Đang xử lý.
    Processing,
    /// 5 Yêu cầu bổ sung giấy tờ.
    SupplementRequested,
    /// 6 Yêu cầu thực hiện nghĩa vụ tài chính.
    FeeDue,
    /// 7 Công dân yêu cầu rút hồ sơ.
    Withdrawn,
    /// 8 Dừng xử lý.
    Stopped,
    /// 9 Đã xử lý xong.
    Processed,
    /// 10 Đã trả kết quả.
    Returned,
}

impl Status {
    pub const ALL: [Status; 10] = [
        Status::New,
        Status::Accepted,
        Status::Refused,
        Status::Processing,
        Status::SupplementRequested,
        Status::FeeDue,
        Status::Withdrawn,
        Status::Stopped,
        Status::Processed,
        Status::Returned,
    ];

    /// The portal's number, 1 to 10.
    pub fn code(self) -> u8 {
        match self {
            Status::New => 1,
            Status::Accepted => 2,
            Status::Refused => 3,
            Status::Processing => 4,
            Status::SupplementRequested => 5,
            Status::FeeDue => 6,
            Status::Withdrawn => 7,
            Status::Stopped => 8,
            Status::Processed => 9,
            Status::Returned => 10,
        }
    }

    /// Catalogue key suffix (`status.<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Accepted => "accepted",
            Status::Refused => "refused",
            Status::Processing => "processing",
            Status::SupplementRequested => "supplement-requested",
            Status::FeeDue => "fee-due",
            Status::Withdrawn => "withdrawn",
            Status::Stopped => "stopped",
            Status::Processed => "processed",
            Status::Returned => "returned",
        }
    }

    /// Nothing more happens to the dossier.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            Status::Refused | Status::Withdrawn | Status::Stopped | Status::Returned
        )
    }
}
