/** Phone numbers that replied STOP: no proactive SMS goes to them until they send START. */
export interface SmsOptOuts {
  optOut(phone: string): Promise<void>;
  optIn(phone: string): Promise<void>;
  isOptedOut(phone: string): Promise<boolean>;
}
