// The user journeys of the features after the first release, one module each, run in order
// in a workbench of their own (English, one SMS and one Mail account from the environment).
// Each exports `async function journey(t)`, where `t` is the JourneyKit built in ui.e2e.mjs:
// { page, emulator, check, expect, shot, drive, commandPalette, quickPickItems, findWebviewFrame }.
// Add a journey with one line here.
import { journey as apiKeys } from './apiKeys.mjs';
import { journey as copyAsCode } from './copyAsCode.mjs';
import { journey as messageLinks } from './messageLinks.mjs';
import { journey as sendTest } from './sendTest.mjs';
import { journey as smsWriting } from './smsWriting.mjs';
import { journey as stopList } from './stopList.mjs';
import { journey as subaccountAdmin } from './subaccountAdmin.mjs';

export const journeys = [smsWriting, sendTest, subaccountAdmin, messageLinks, stopList, copyAsCode, apiKeys];
