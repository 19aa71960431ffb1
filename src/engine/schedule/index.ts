export * from "./schedule-types";
export { buildSchedule } from "./build-schedule";
export type { ScheduleRequest } from "./build-schedule";
export { scheduleHours } from "./schedule-hours";
