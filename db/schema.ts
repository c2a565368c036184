import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = "seeker" | "employer" | "counselor" | "admin";
export const ROLES: readonly Role[] = ["seeker", "employer", "counselor", "admin"] as const;

export interface DivisionTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: "province" | "prefecture" | "county";
}

export interface AppUserTable {
  id: Generated<string>;
  phone: string | null;
  email: string | null;
  password_hash: string;
  role: Role;
  display_name: string | null;
  /** Service region (division code) of counselors and admins. */
  region_code: string | null;
  locale: ColumnType<"zh-CN" | "en", "zh-CN" | "en" | undefined, "zh-CN" | "en">;
  large_text: ColumnType<boolean, boolean | undefined, boolean>;
  high_contrast: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface UserSessionTable {
  /** SHA-256 of the token held in the cookie, hex. */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  kind: "sign_in" | "register";
  /** Normalized phone or email tried (null for registrations). */
  account_key: string | null;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<string>;
  actor_id: string | null;
  subject_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  reason: string | null;
  ip: string | null;
  at: Generated<Date>;
}

export interface Database {
  division: DivisionTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
