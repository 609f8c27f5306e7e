//! The limit on failed enrolments per address (see
//! [`EnrolmentLimit`](crate::storage::EnrolmentLimit)). Expanded once per backend by
//! `storage_impl!` in the parent module, which brings every name used here into scope.

macro_rules! limits_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl EnrolmentLimit for $ty {
            async fn enrolment_attempt(
                &self,
                address: &str,
                now: i64,
                window_ms: i64,
                max: i64,
            ) -> StorageResult<bool> {
                let mut tx = self.begin_write().await?;
                sqlx::query("DELETE FROM enrolment_failures WHERE window_start <= $1")
                    .bind(now.saturating_sub(window_ms))
                    .execute(&mut *tx)
                    .await?;
                // Counted unless the window holds `max` already (then no row changes).
                let counted = sqlx::query(
                    "INSERT INTO enrolment_failures (address, window_start, failures) VALUES ($1, $2, 1) ON CONFLICT (address) DO UPDATE SET failures = enrolment_failures.failures + 1 WHERE enrolment_failures.failures < $3",
                )
                .bind(address)
                .bind(now)
                .bind(max)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                tx.commit().await?;
                Ok(counted == 1)
            }

            async fn enrolment_succeeded(&self, address: &str) -> StorageResult<()> {
                sqlx::query(
                    "UPDATE enrolment_failures SET failures = failures - 1 WHERE address = $1 AND failures > 0",
                )
                .bind(address)
                .execute(&self.pool)
                .await?;
                Ok(())
            }
        }
    };
}
