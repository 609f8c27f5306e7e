//! The supervisor's upkeep of the unit (see [`UnitUpkeep`](crate::storage::UnitUpkeep)): a
//! nominal transferred out, the waiting counts phones report, a phone revoked from the desk.
//! Expanded once per backend by `storage_impl!` in the parent module, which brings every name
//! used here into scope (and the helpers `bump` and `audit_in` of the other parts).

macro_rules! upkeep_impl {
    ($ty:ident, $db:ty) => {
        #[async_trait]
        impl UnitUpkeep for $ty {
            async fn transfer_out(
                &self,
                unit_id: &str,
                transfer: &StoredRecord,
                actor: &str,
                now: i64,
            ) -> StorageResult<()> {
                let nominal_id = transfer.nominal_id.as_str();
                let mut tx = self.begin_write().await?;
                let held: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM records WHERE kind = 'nominal' AND id = $1 AND unit_id = $2",
                )
                .bind(nominal_id)
                .bind(unit_id)
                .fetch_optional(&mut *tx)
                .await?;
                if held.is_none() {
                    return Err(StorageError::NotFound(format!("nominal {nominal_id}")));
                }
                if Self::transferred_in(&mut tx, nominal_id).await? {
                    return Err(StorageError::Conflict(format!(
                        "nominal {nominal_id} has been transferred out already"
                    )));
                }
                sqlx::query("DELETE FROM assignments WHERE nominal_id = $1")
                    .bind(nominal_id)
                    .execute(&mut *tx)
                    .await?;
                let seq = Self::bump(&mut tx).await?;
                sqlx::query(
                    "INSERT INTO records (kind, id, unit_id, nominal_id, body, seq, author_officer_id) VALUES ('transfer', $1, $2, $3, $4, $5, $6)",
                )
                .bind(&transfer.id)
                .bind(unit_id)
                .bind(nominal_id)
                .bind(canonical(&transfer.record))
                .bind(seq)
                .bind(actor)
                .execute(&mut *tx)
                .await?;
                Self::audit_in(&mut tx, actor, None, "created", "transfer", &transfer.id, Some(nominal_id), now).await?;
                Self::audit_in(&mut tx, actor, None, "altered", "assignment", nominal_id, Some(nominal_id), now).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn report_waiting(&self, device_id: &str, waiting: i64, now: i64) -> StorageResult<()> {
                sqlx::query("UPDATE devices SET waiting_reported = $1, waiting_reported_at = $2 WHERE id = $3")
                    .bind(waiting)
                    .bind(now)
                    .bind(device_id)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn revoke_unit_device(
                &self,
                unit_id: &str,
                device_id: &str,
                actor: &str,
                now: i64,
            ) -> StorageResult<bool> {
                let mut tx = self.begin_write().await?;
                let found: Option<Option<i64>> = sqlx::query_scalar(
                    "SELECT d.revoked_at FROM devices d JOIN officers o ON o.id = d.officer_id WHERE d.id = $1 AND o.unit_id = $2",
                )
                .bind(device_id)
                .bind(unit_id)
                .fetch_optional(&mut *tx)
                .await?;
                match found {
                    None => return Ok(false),
                    Some(Some(_)) => return Ok(true),
                    Some(None) => {}
                }
                sqlx::query("UPDATE devices SET revoked_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(device_id)
                    .execute(&mut *tx)
                    .await?;
                Self::audit_in(&mut tx, actor, Some(device_id), "altered", "device", device_id, None, now).await?;
                tx.commit().await?;
                Ok(true)
            }
        }

        impl $ty {
            /// Whether the nominal has been transferred out (it then stays unassigned).
            async fn transferred_in(
                tx: &mut Transaction<'static, $db>,
                nominal_id: &str,
            ) -> StorageResult<bool> {
                let found: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM records WHERE kind = 'transfer' AND nominal_id = $1",
                )
                .bind(nominal_id)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(found.is_some())
            }
        }
    };
}
