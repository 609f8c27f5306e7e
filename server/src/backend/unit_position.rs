//! A unit's records changed since a position (see [`UnitChanges`](crate::storage::UnitChanges)).
//! Expanded once per backend by `storage_impl!` in the parent module, which brings every name
//! used here into scope.

macro_rules! unit_position_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl UnitChanges for $ty {
            async fn unit_records_since(
                &self,
                unit_id: &str,
                after: i64,
            ) -> StorageResult<Vec<(i64, StoredRecord)>> {
                // `records_by_seq` finds the few changed since a page was last built.
                let rows = sqlx::query(
                    "SELECT kind, id, nominal_id, body, seq FROM records WHERE seq > $1 AND unit_id = $2",
                )
                .bind(after)
                .bind(unit_id)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| Ok((r.try_get::<i64, _>(4)?, stored_record(r)?)))
                    .collect()
            }
        }
    };
}
