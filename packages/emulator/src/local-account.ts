/**
 * The account and default region of everything the emulator creates: ARNs, queue URLs, event
 * envelopes. One definition, so the host, the services and the event generators agree.
 */
export const LOCAL_ACCOUNT_ID = "000000000000";
export const DEFAULT_REGION = "us-east-1";
