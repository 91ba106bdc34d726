/**
 * The practice pages' labels in the wizard's language, with the English one beside it (issue
 * 24): a person who follows the wizard in Ukrainian finds "Сервер ел. пошти (Email Server)" on
 * the practice Web Config, as the wizard names it, and the English a real printer or Microsoft
 * may show. The words are the seed guide's (the printer's and Microsoft's own labels in each
 * language, shared/seeds/); where the guide keeps the English label (the Malay and Catalan
 * copies keep most Web Config labels), the page shows the English only. The labels that the
 * wizard also names match renderer/locales/<lang>/printer.json (tests/unit/practice-labels.test.ts).
 */
import type { Language } from '../../shared/model';
import { escapeHtml } from './practice-http';

type Translations = Partial<Record<Exclude<Language, 'en'>, string>>;

/** By the English label: its words in the other languages (absent: the English is kept). */
const practiceLabels: Record<string, Translations> = {
  // Web Config (the guide's steps 1-12, the Email Server > Basic page of its troubleshooting).
  'Log in': { 'zh-TW': '登入', 'zh-CN': '登录', uk: 'увійти' },
  OK: { 'zh-TW': '確定', 'zh-CN': '确定' },
  Network: { 'zh-TW': '網路', 'zh-CN': '网络', uk: 'Мережа' },
  'Email Server': { 'zh-TW': '電子郵件伺服器', 'zh-CN': '电子邮件服务器', uk: 'Сервер ел. пошти' },
  Basic: { 'zh-TW': '基本', 'zh-CN': '基本', uk: 'Основні' },
  'Authentication Method': { 'zh-TW': '驗證方法', 'zh-CN': '验证方法', uk: 'Метод ідентифікації' },
  'Email service': {
    'zh-TW': '電子郵件服務',
    'zh-CN': '电子邮件服务',
    uk: 'Служба електронної пошти',
  },
  'Sign In': { 'zh-TW': '登入', 'zh-CN': '登录', uk: 'Увійти' },
  'Sign Out': { 'zh-TW': '登出', 'zh-CN': '注销', uk: 'Вийти' },
  'Sign in with Microsoft': { 'zh-TW': '使用 Microsoft 登入', 'zh-CN': 'Microsoft 登录' },
  'Current Status': { 'zh-TW': '目前狀態', 'zh-CN': '目前状态', uk: 'Поточний стан' },
  'Signed in': { 'zh-TW': '已登入', 'zh-CN': '已登录', uk: 'Увійшли в систему' },
  'Authenticated Account': {
    'zh-TW': '已驗證帳戶',
    'zh-CN': '已验证账户',
    uk: 'Автентифікований обліковий запис',
  },
  'Authenticated Password': {
    'zh-TW': '已驗證密碼',
    'zh-CN': '已验证密码',
    uk: 'Автентифікований пароль',
  },
  "Sender's Email Address": {
    'zh-TW': '寄件者的電子郵件位址',
    'zh-CN': '发件人的电子邮件地址',
    uk: 'Адреса ел. пошти відправника',
  },
  'SMTP Server Address': {
    'zh-TW': 'SMTP伺服器位址',
    'zh-CN': 'SMTP服务器地址',
    uk: 'Адреса SMTP-сервера',
  },
  'SMTP Server Port Number': {
    'zh-TW': 'SMTP伺服器連接埠號碼',
    'zh-CN': 'SMTP服务器端口号',
    uk: 'Номер порту SMTP-сервера',
  },
  'Secure Connection': { 'zh-TW': '安全連線', 'zh-CN': '安全连接', uk: 'Безпечне з’єднання' },
  'Certificate Validation': {
    'zh-TW': '憑證驗證',
    'zh-CN': '证书验证',
    uk: 'Перевірка сертифіката',
  },
  Enable: { 'zh-TW': '開啟', 'zh-CN': '启用', uk: 'Увімк.' },
  Disable: { 'zh-TW': '關閉', 'zh-CN': '禁用', uk: 'Вимк.' },
  'CA Certificate': { 'zh-TW': 'CA 憑證', 'zh-CN': 'CA 证书', uk: 'Сертифікат ЦС' },
  'Root Certificate Update': {
    'zh-TW': '根憑證(Root Certificate)更新',
    'zh-CN': '根证书更新',
    uk: 'Оновлення кореневого сертифіката',
  },
  Cancel: { 'zh-TW': '取消', 'zh-CN': '取消', uk: 'Скасувати', ms: 'Batal', ca: 'Cancel·la' },
  // The printer's control panel (Scan > Email, the job log), as the wizard's steps name it.
  Scan: { 'zh-TW': '掃描', 'zh-CN': '扫描', uk: 'Сканування' },
  Email: { 'zh-TW': '電子郵件', 'zh-CN': '电子邮件', uk: 'Ел. пошта' },
  Recipient: {
    'zh-TW': '收件者',
    'zh-CN': '收件人',
    uk: 'Одержувач',
    ms: 'Penerima',
    ca: 'Destinatari',
  },
  Subject: { 'zh-TW': '主旨', 'zh-CN': '主题', uk: 'Тема' },
  Start: { 'zh-TW': '開始', 'zh-CN': '开始', uk: 'Пуск' },
  'Job Log': {
    'zh-TW': '工作歷程記錄',
    'zh-CN': '任务历史记录',
    uk: 'Історія завдань',
    ms: 'Sejarah kerja',
    ca: 'Historial de feines',
  },
  // The admin centers, as the guide names them (section "Enable SMTP AUTH in Exchange Online").
  'Exchange admin center': {
    'zh-TW': 'Exchange 管理中心',
    'zh-CN': 'Exchange 管理中心',
    uk: 'Центр адміністрування Exchange',
    ms: 'Pusat pentadbir Exchange',
    ca: "Centre d'administració d'Exchange",
  },
  'Microsoft 365 admin center': {
    'zh-TW': 'Microsoft 365 管理中心',
    'zh-CN': 'Microsoft 365 管理中心',
    uk: 'Центр адміністрування Microsoft 365',
    ms: 'Pusat pentadbir Microsoft 365',
    ca: "Centre d'administració de Microsoft 365",
  },
  'Security defaults': {
    'zh-TW': '預設安全性',
    'zh-CN': '安全默认值',
    uk: 'Налаштування безпеки за замовчуванням',
    ms: 'Lalai keselamatan',
    ca: 'Valors predeterminats de seguretat',
  },
  // Microsoft's sign-in and consent pages (the guide's steps 8-11).
  Next: { 'zh-TW': '下一步', 'zh-CN': '下一步', uk: 'Далі' },
  'Sign in': { 'zh-TW': '登入', 'zh-CN': '登录', uk: 'Увійти' },
  Password: {
    'zh-TW': '密碼',
    'zh-CN': '密码',
    uk: 'Пароль',
    ms: 'Kata laluan',
    ca: 'Contrasenya',
  },
  Code: { 'zh-TW': '代碼', 'zh-CN': '验证码', uk: 'Код', ms: 'Kod', ca: 'Codi' },
  'Enter code': {
    'zh-TW': '輸入代碼',
    'zh-CN': '输入验证码',
    uk: 'Введіть код',
    ms: 'Masukkan kod',
    ca: 'Introduïu el codi',
  },
  'Permissions requested': {
    'zh-TW': '要求的權限',
    'zh-CN': '请求的权限',
    uk: 'Запит дозволів',
    ms: 'Keizinan yang diminta',
    ca: 'Permisos sol·licitats',
  },
  'Consent on behalf of your organization': {
    'zh-TW': '代表組織同意',
    'zh-CN': '代表组织同意',
    uk: 'Погодитися від імені організації',
    ms: 'Bersetuju bagi pihak organisasi',
    ca: "Accepto en nom de l'organització",
  },
  Accept: { 'zh-TW': '接受', 'zh-CN': '接受', uk: 'Прийняти', ms: 'Terima', ca: 'Acceptar' },
};

/**
 * The label as a practice page shows it in `language`: "its words (English)", or the English
 * alone where the guide keeps it (or the label is not in the table).
 */
export function practiceLabel(english: string, language: Language): string {
  const local = practiceLocal(english, language);
  return local ? `${local} (${english})` : english;
}

/** The English labels the table knows, for the test that holds them to the wizard's words. */
export function knownPracticeLabels(): Record<string, Translations> {
  return structuredClone(practiceLabels);
}

/**
 * The label for an HTML page: the wizard's language marked as such (screen readers switch
 * voice), the English beside it in the page's own language. A path (Network > Email Server)
 * keeps the English path whole beside it, as the guide writes it.
 */
export function practiceLabelHtml(english: string | readonly string[], language: Language): string {
  const parts = typeof english === 'string' ? [english] : english;
  const englishText = parts.join(' > ');
  const localText = parts.map((part) => practiceLocal(part, language) ?? part).join(' > ');
  if (localText === englishText) return escapeHtml(englishText);
  return `<span lang="${language}">${escapeHtml(localText)}</span> (${escapeHtml(englishText)})`;
}

function practiceLocal(english: string, language: Language): string | null {
  if (language === 'en') return null;
  const local = practiceLabels[english]?.[language];
  return local && local !== english ? local : null;
}
