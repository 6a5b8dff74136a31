// The email and url rules. url is a port of Laravel 12's Str::isUrl (itself from Symfony's UrlValidator):
// one of its schemes and `://` are required, so `acme.com` fails and `https://acme.com` passes.
// email approximates the RFC check Laravel's default `email` rule runs (egulias RFCValidation).

// Schemes Str::isUrl accepts (its list, unescaped).
const protocols: readonly string[] = [
  'aaa', 'aaas', 'about', 'acap', 'acct', 'acd', 'acr', 'adiumxtra', 'adt', 'afp', 'afs', 'aim', 'amss', 'android',
  'appdata', 'apt', 'ark', 'attachment', 'aw', 'barion', 'beshare', 'bitcoin', 'bitcoincash', 'blob', 'bolo',
  'browserext', 'calculator', 'callto', 'cap', 'cast', 'casts', 'chrome', 'chrome-extension', 'cid', 'coap',
  'coap+tcp', 'coap+ws', 'coaps', 'coaps+tcp', 'coaps+ws', 'com-eventbrite-attendee', 'content', 'conti', 'crid',
  'cvs', 'dab', 'data', 'dav', 'diaspora', 'dict', 'did', 'dis', 'dlna-playcontainer', 'dlna-playsingle', 'dns',
  'dntp', 'dpp', 'drm', 'drop', 'dtn', 'dvb', 'ed2k', 'elsi', 'example', 'facetime', 'fax', 'feed', 'feedready',
  'file', 'filesystem', 'finger', 'first-run-pen-experience', 'fish', 'fm', 'ftp', 'fuchsia-pkg', 'geo', 'gg', 'git',
  'gizmoproject', 'go', 'gopher', 'graph', 'gtalk', 'h323', 'ham', 'hcap', 'hcp', 'http', 'https', 'hxxp', 'hxxps',
  'hydrazone', 'iax', 'icap', 'icon', 'im', 'imap', 'info', 'iotdisco', 'ipn', 'ipp', 'ipps', 'irc', 'irc6', 'ircs',
  'iris', 'iris.beep', 'iris.lwz', 'iris.xpc', 'iris.xpcs', 'isostore', 'itms', 'jabber', 'jar', 'jms', 'keyparc',
  'lastfm', 'ldap', 'ldaps', 'leaptofrogans', 'lorawan', 'lvlt', 'magnet', 'mailserver', 'mailto', 'maps', 'market',
  'message', 'mid', 'mms', 'modem', 'mongodb', 'moz', 'ms-access', 'ms-browser-extension', 'ms-calculator',
  'ms-drive-to', 'ms-enrollment', 'ms-excel', 'ms-eyecontrolspeech', 'ms-gamebarservices', 'ms-gamingoverlay',
  'ms-getoffice', 'ms-help', 'ms-infopath', 'ms-inputapp', 'ms-lockscreencomponent-config', 'ms-media-stream-id',
  'ms-mixedrealitycapture', 'ms-mobileplans', 'ms-officeapp', 'ms-people', 'ms-project', 'ms-powerpoint',
  'ms-publisher', 'ms-restoretabcompanion', 'ms-screenclip', 'ms-screensketch', 'ms-search', 'ms-search-repair',
  'ms-secondary-screen-controller', 'ms-secondary-screen-setup', 'ms-settings', 'ms-settings-airplanemode',
  'ms-settings-bluetooth', 'ms-settings-camera', 'ms-settings-cellular', 'ms-settings-cloudstorage',
  'ms-settings-connectabledevices', 'ms-settings-displays-topology', 'ms-settings-emailandaccounts',
  'ms-settings-language', 'ms-settings-location', 'ms-settings-lock', 'ms-settings-nfctransactions',
  'ms-settings-notifications', 'ms-settings-power', 'ms-settings-privacy', 'ms-settings-proximity',
  'ms-settings-screenrotation', 'ms-settings-wifi', 'ms-settings-workplace', 'ms-spd', 'ms-sttoverlay',
  'ms-transit-to', 'ms-useractivityset', 'ms-virtualtouchpad', 'ms-visio', 'ms-walk-to', 'ms-whiteboard',
  'ms-whiteboard-cmd', 'ms-word', 'msnim', 'msrp', 'msrps', 'mss', 'mtqp', 'mumble', 'mupdate', 'mvn', 'news', 'nfs',
  'ni', 'nih', 'nntp', 'notes', 'ocf', 'oid', 'onenote', 'onenote-cmd', 'opaquelocktoken', 'openpgp4fpr', 'pack',
  'palm', 'paparazzi', 'payto', 'pkcs11', 'platform', 'pop', 'pres', 'prospero', 'proxy', 'pwid', 'psyc', 'pttp',
  'qb', 'query', 'redis', 'rediss', 'reload', 'res', 'resource', 'rmi', 'rsync', 'rtmfp', 'rtmp', 'rtsp', 'rtsps',
  'rtspu', 's3', 'secondlife', 'service', 'session', 'sftp', 'sgn', 'shttp', 'sieve', 'simpleledger', 'sip', 'sips',
  'skype', 'smb', 'sms', 'smtp', 'snews', 'snmp', 'soap.beep', 'soap.beeps', 'soldat', 'spiffe', 'spotify', 'ssh',
  'steam', 'stun', 'stuns', 'submit', 'svn', 'tag', 'teamspeak', 'tel', 'teliaeid', 'telnet', 'tftp', 'tg', 'things',
  'thismessage', 'tip', 'tn3270', 'tool', 'ts3server', 'turn', 'turns', 'tv', 'udp', 'unreal', 'urn', 'ut2004',
  'v-event', 'vemmi', 'ventrilo', 'videotex', 'vnc', 'view-source', 'wais', 'webcal', 'wpid', 'ws', 'wss', 'wtai',
  'wyciwyg', 'xcon', 'xcon-userid', 'xfire', 'xmlrpc.beep', 'xmlrpc.beeps', 'xmpp', 'xri', 'ymsgr', 'z39.50',
  'z39.50r', 'z39.50s',
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pct = '%[0-9A-Fa-f]{2}';
const urlPattern = new RegExp(
  `^(${protocols.map(escapeRegex).join('|')})://` +
    String.raw`(((?:[_.\p{L}\p{N}-]|${pct})+:)?((?:[_.\p{L}\p{N}-]|${pct})+)@)?` + // user info
    '(' +
    String.raw`([\p{L}\p{N}\p{S}\-_.])+(\.?([\p{L}\p{N}]|xn--[\p{L}\p{N}-]+)+\.?)` + // a domain name
    String.raw`|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}` + // an IPv4 address
    String.raw`|\[[0-9a-f:.]+\]` + // an IPv6 address (looser than Symfony's)
    ')' +
    '(:[0-9]+)?' + // a port
    String.raw`(?:/(?:[\p{L}\p{N}\-._~!$&'()*+,;=:@]|${pct})*)*` + // a path
    String.raw`(?:\?(?:[\p{L}\p{N}\-._~!$&'\[\]()*+,;=:@/?]|${pct})*)?` + // a query
    String.raw`(?:#(?:[\p{L}\p{N}\-._~!$&'()*+,;=:@/?]|${pct})*)?$`, // a fragment
  'iu',
);

export function isUrl(value: unknown): boolean {
  return typeof value === 'string' && urlPattern.test(value);
}

const atom = String.raw`[A-Za-z0-9!#$%&'*+/=?^_` + '`' + String.raw`{|}~\-\u0080-\uFFFF]+`;
const localPart = new RegExp(String.raw`^(${atom}(\.${atom})*|"([^"\\]|\\.)*")$`, 'u');
const label = String.raw`[A-Za-z0-9\u0080-\uFFFF]([A-Za-z0-9\u0080-\uFFFF-]*[A-Za-z0-9\u0080-\uFFFF])?`;
const domainPart = new RegExp(String.raw`^(${label}(\.${label})*|\[[^\[\]\s]+\])$`, 'u');

export function isEmail(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  return localPart.test(value.slice(0, at)) && domainPart.test(value.slice(at + 1));
}
