/**
 * The printer-side texts of the guide's Troubleshooting section, exactly as the guide gives them
 * in each language (shared/seeds). English is the wording of the English guide; the status texts
 * of the job error codes are the guide's table. Used to recognise pasted or typed text.
 */
import type { Language } from '../model';

export type PrinterMessageId = 'must-sign-in' | 'job-360' | 'job-361' | 'job-370';

export const printerMessages: Record<PrinterMessageId, Record<Language, string>> = {
  'must-sign-in': {
    en: 'To use this feature, you must sign in to your email service. Contact your administrator.',
    'zh-TW': '要使用此功能，您必須登入電郵服務。請聯絡您的管理員。',
    'zh-CN': '要使用此功能，您必须登录您的电子邮件服务。请联系您的管理员。',
    ms: 'Untuk menggunakan fungsi ini, anda mesti mendaftar masuk ke perkhidmatan e-mel anda. Sila hubungi pentadbir anda.',
    uk: 'Щоб скористатися цією функцією, необхідно увійти в свій сервіс електронної пошти. Зверніться до адміністратора.',
    ca: "Per utilitzar aquesta funció, heu d'iniciar sessió al vostre servei de correu electrònic. Si us plau, poseu-vos en contacte amb el vostre administrador.",
  },
  'job-360': {
    en: 'Not connected to the cloud service or email service.',
    'zh-TW': '沒有連接到雲端服務或電郵服務。',
    'zh-CN': '未连接云 (Cloud) 服务或电子邮件服务。',
    ms: 'Tiada sambungan ke perkhidmatan awan atau perkhidmatan e-mel.',
    uk: 'Відсутнє підключення до хмарного сервісу або сервісу електронної пошти.',
    ca: 'No hi ha cap connexió al servei del núvol ni al servei del correu electrònic.',
  },
  'job-361': {
    en: 'The connection to the cloud service or email service has expired.',
    'zh-TW': '與雲端服務或電郵服務的連線已過期。',
    'zh-CN': '与云 (Cloud) 服务或电子邮件服务的连接已过期。',
    ms: 'Sambungan ke perkhidmatan awan atau perkhidmatan e-mel telah tamat tempoh.',
    uk: 'Термін дії підключення до хмарного сервісу або сервісу електронної пошти сплив.',
    ca: 'La connexió al servei del núvol o al servei del correu electrònic ha caducat.',
  },
  'job-370': {
    en: 'You need to sign in to the cloud service again.',
    'zh-TW': '您需要再次登入雲端服務。',
    'zh-CN': '您需要再次登录云 (Cloud) 服务。',
    // The Malay guide prints "perkhidmatan awal" (a typo); both spellings are recognised.
    ms: 'Anda perlu mendaftar masuk ke perkhidmatan awan sekali lagi.',
    uk: 'Потрібно повторно увійти до хмарного сервісу.',
    ca: 'Cal que torneu a iniciar la sessió al servei del núvol.',
  },
};

/**
 * Shorter, distinctive parts of each message, so that a message read off the screen with a
 * different line break, a missing sentence or the guide's own typos is still recognised.
 */
export const printerMessageFragments: Record<PrinterMessageId, readonly string[]> = {
  'must-sign-in': [
    'must sign in to your email service',
    '必須登入電郵服務',
    '必须登录您的电子邮件服务',
    'mesti mendaftar masuk ke perkhidmatan e-mel',
    'необхідно увійти в свій сервіс електронної пошти',
    "heu d'iniciar sessió al vostre servei de correu",
  ],
  'job-360': [
    'not connected to the cloud service or email service',
    '沒有連接到雲端服務或電郵服務',
    '未连接云 (Cloud) 服务或电子邮件服务',
    'tiada sambungan ke perkhidmatan awan',
    'відсутнє підключення до хмарного сервісу',
    'no hi ha cap connexió al servei del núvol',
  ],
  'job-361': [
    'connection to the cloud service or email service has expired',
    '雲端服務或電郵服務的連線已過期',
    '服务或电子邮件服务的连接已过期',
    'perkhidmatan e-mel telah tamat tempoh',
    'термін дії підключення до хмарного сервісу',
    'servei del correu electrònic ha caducat',
  ],
  'job-370': [
    'sign in to the cloud service again',
    '再次登入雲端服務',
    '再次登录云 (Cloud) 服务',
    'mendaftar masuk ke perkhidmatan awan sekali lagi',
    'mendaftar masuk ke perkhidmatan awal sekali lagi',
    'повторно увійти до хмарного сервісу',
    'torneu a iniciar la sessió al servei del núvol',
  ],
};

/**
 * Words for "expired" in each language (the guide names the expiry message but does not quote
 * it): enough to send the user to the expiry explanation rather than to "not recognised".
 */
export const expiryWords: readonly RegExp[] = [
  /\bexpir(?:y|ed|es|ation)\b/i,
  /過期|过期|失效/,
  /tamat tempoh/i,
  /спли(?:в|вання)|термін дії/i,
  /caduca(?:t|da|r)?|caducitat/i,
];
