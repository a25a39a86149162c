import type { SubjectNature } from '@/lib/domain/codes';
import { completeResidentId, completeUscc } from './ids';

// Demo filings: realistic but fictitious. Every 统一社会信用代码 and 身份证号 carries a correct check character.

export type DemoPerson = {
  key: string;
  name: string;
  region: string;
  birth: string;
  seq: string;
  mobile: string;
  email: string;
  emergency: string;
  idValidUntil: string | null; // relative offsets are applied by the seeder: see `expiredId`
  expiredId?: boolean;
};

export const PEOPLE: DemoPerson[] = [
  { key: 'zhangwei', name: '张伟', region: '330106', birth: '19850312', seq: '031', mobile: '13805710001', email: 'zhangwei@yunqi-tech.cn', emergency: '13905710001', idValidUntil: '2035-03-12' },
  { key: 'chenxm', name: '陈晓明', region: '330102', birth: '19920718', seq: '015', mobile: '13805710002', email: 'chenxiaoming@163.com', emergency: '13905710002', idValidUntil: '2032-07-18' },
  { key: 'liufang', name: '刘芳', region: '440305', birth: '19880204', seq: '026', mobile: '13923450003', email: 'liufang@qhsl.com.cn', emergency: '13723450003', idValidUntil: '2036-02-04' },
  { key: 'zhaolei', name: '赵磊', region: '110108', birth: '19790921', seq: '057', mobile: '13601010004', email: 'zhaolei@xyljd.gov.cn', emergency: '13701010004', idValidUntil: null },
  { key: 'sunli', name: '孙丽', region: '310104', birth: '19830630', seq: '042', mobile: '13816210005', email: 'sunli@xhlib.org.cn', emergency: '13916210005', idValidUntil: '2028-06-30' },
  { key: 'zhoujie', name: '周杰', region: '510107', birth: '19761111', seq: '019', mobile: '13908080006', email: 'zhoujie@scsia.org.cn', emergency: '13808080006', idValidUntil: '2030-11-11', expiredId: true },
  { key: 'wuqiang', name: '吴强', region: '420106', birth: '19810505', seq: '073', mobile: '13907270007', email: 'wuqiang@jcyinshi.com', emergency: '13807270007', idValidUntil: '2031-05-05' },
  { key: 'zhengmin', name: '郑敏', region: '430104', birth: '19870423', seq: '028', mobile: '13907310008', email: 'zhengmin@lushanlaw.cn', emergency: '13807310008', idValidUntil: '2033-04-23' },
  { key: 'lina', name: '李娜', region: '320106', birth: '19950819', seq: '064', mobile: '13905150009', email: 'lina.nj@qq.com', emergency: '13805150009', idValidUntil: '2034-08-19' },
  { key: 'huangtao', name: '黄涛', region: '440106', birth: '19840101', seq: '035', mobile: '13602020010', email: 'huangtao@xingchen-culture.com', emergency: '13702020010', idValidUntil: '2029-01-01' },
  { key: 'xuyang', name: '徐阳', region: '110105', birth: '19900315', seq: '051', mobile: '13601010011', email: 'xuyang@zhiyuan-future.com', emergency: '13701010011', idValidUntil: '2035-03-15' },
  { key: 'maxiaojun', name: '马晓军', region: '510104', birth: '19821208', seq: '017', mobile: '13908080012', email: 'maxiaojun@jcwl56.com', emergency: '13808080012', idValidUntil: '2032-12-08' },
  { key: 'wanglei', name: '王磊', region: '310115', birth: '19930927', seq: '039', mobile: '13816210013', email: 'wanglei.sh@126.com', emergency: '13916210013', idValidUntil: '2037-09-27' },
  { key: 'gaoyan', name: '高岩', region: '370202', birth: '19800613', seq: '045', mobile: '13953220014', email: 'gaoyan@haichuan-trade.cn', emergency: '13853220014', idValidUntil: '2030-06-13' },
  { key: 'heping', name: '何平', region: '330106', birth: '19910214', seq: '022', mobile: '13805710015', email: 'heping@yunqi-tech.cn', emergency: '13905710015', idValidUntil: '2031-02-14' },
  { key: 'tangyu', name: '唐宇', region: '440305', birth: '19940506', seq: '018', mobile: '13923450016', email: 'tangyu@qhsl.com.cn', emergency: '13723450016', idValidUntil: '2034-05-06' },
  { key: 'dengyun', name: '邓云', region: '320102', birth: '19890310', seq: '062', mobile: '13905150018', email: 'dengyun@mingde-edu.cn', emergency: '13805150018', idValidUntil: '2035-03-10' },
  { key: 'qiancheng', name: '钱程', region: '330110', birth: '19860722', seq: '047', mobile: '13805710017', email: 'qiancheng@shufan-cloud.cn', emergency: '13905710017', idValidUntil: '2036-07-22' },
];

export function personIdNumber(p: DemoPerson): string {
  return completeResidentId(p.region, p.birth, p.seq);
}

export type DemoSite = {
  name: string;
  principal?: string;
  domains: string[];
  ips: string[];
  service?: string;
};

export type DemoSubject = {
  key: string;
  owner: 'filer' | 'filer2' | 'filer3';
  province: string;
  abbr: string;
  serial: string;
  nature: SubjectNature;
  name: string;
  certType: string;
  /** 17-character body of the 统一社会信用代码 (units) — personal subjects use the principal's ID. */
  usccBody?: string;
  address: string;
  legalRep?: string;
  principal: string;
  sites: DemoSite[];
  status?: 'active' | 'access_cancelled';
};

export const SUBJECTS: DemoSubject[] = [
  {
    key: 'yunqi', owner: 'filer', province: '33', abbr: '浙', serial: '2019031245', nature: 'enterprise',
    name: '杭州云栖科技有限公司', certType: '营业执照', usccBody: '91330106MA2B3C4D5', address: '浙江省杭州市西湖区文三路90号7幢501室',
    legalRep: '张伟', principal: 'zhangwei',
    sites: [
      { name: '云栖科技官网', domains: ['yunqi-tech.cn', 'yunqitech.com'], ips: ['47.96.12.34'] },
      { name: '云栖开发者社区', principal: 'heping', domains: ['dev.yunqi-tech.cn'], ips: ['47.96.12.35'] },
      { name: '云栖技术文档中心', principal: 'heping', domains: ['docs-yunqi.cn'], ips: ['47.96.12.36'] },
    ],
  },
  {
    key: 'qhsl', owner: 'filer', province: '44', abbr: '粤', serial: '2020087731', nature: 'enterprise',
    name: '深圳市前海数联信息技术有限公司', certType: '营业执照', usccBody: '91440300MA5F6G7H8', address: '广东省深圳市前海深港合作区前湾一路1号A栋201室',
    legalRep: '刘芳', principal: 'liufang',
    sites: [
      { name: '前海数联官网', domains: ['qhsl.com.cn', 'qhshulian.com', 'qhsl.net.cn'], ips: ['120.24.56.78'] },
      { name: '数联数据服务平台', principal: 'tangyu', domains: ['data.qhsl.com.cn'], ips: ['120.24.56.79'] },
    ],
  },
  {
    key: 'chenxm', owner: 'filer', province: '33', abbr: '浙', serial: '2021045678', nature: 'personal',
    name: '陈晓明', certType: '居民身份证', address: '浙江省杭州市上城区望江路128号', principal: 'chenxm',
    sites: [
      { name: '晓明的技术随笔', domains: ['chenxiaoming.cn'], ips: ['47.98.110.21'] },
      { name: '晓明摄影作品集', domains: ['xmphoto.cn'], ips: ['47.98.110.21'] },
    ],
  },
  {
    key: 'zhiyuan', owner: 'filer', province: '11', abbr: '京', serial: '2018024417', nature: 'enterprise',
    name: '北京智源未来科技有限公司', certType: '营业执照', usccBody: '91110105MA01C2D3E', address: '北京市朝阳区望京街10号望京SOHO T1 1502室',
    legalRep: '徐阳', principal: 'xuyang',
    sites: [
      { name: '智源未来官网', domains: ['zhiyuan-future.com'], ips: ['39.105.22.33'] },
      { name: '智源未来招聘网', domains: ['zyjobs.cn'], ips: ['39.105.22.34'] },
    ],
  },
  {
    key: 'xyljd', owner: 'filer2', province: '11', abbr: '京', serial: '2017012233', nature: 'government',
    name: '北京市海淀区学院路街道办事处', certType: '统一社会信用代码证书', usccBody: '11110108000012345', address: '北京市海淀区学院路30号',
    principal: 'zhaolei',
    sites: [
      { name: '学院路街道政务服务', domains: ['xyljd.gov.cn'], ips: ['123.57.88.10'] },
      { name: '学院路社区服务信息', domains: ['xylsq.gov.cn'], ips: ['123.57.88.11'] },
    ],
  },
  {
    key: 'xhlib', owner: 'filer2', province: '31', abbr: '沪', serial: '2016009876', nature: 'public_institution',
    name: '上海市徐汇区图书馆', certType: '事业单位法人证书', usccBody: '12310104425012345', address: '上海市徐汇区南丹东路80号',
    legalRep: '孙丽', principal: 'sunli',
    sites: [
      { name: '徐汇区图书馆', domains: ['xhlib.org.cn'], ips: ['106.14.33.44'] },
      { name: '徐汇数字阅读平台', domains: ['xhread.org.cn'], ips: ['106.14.33.45'] },
    ],
  },
  {
    key: 'lina', owner: 'filer2', province: '32', abbr: '苏', serial: '2022033321', nature: 'personal',
    name: '李娜', certType: '居民身份证', address: '江苏省南京市鼓楼区中山北路200号', principal: 'lina',
    sites: [{ name: 'linareads.cn', domains: ['linareads.cn'], ips: ['121.43.66.77'] }],
  },
  {
    key: 'xingchen', owner: 'filer2', province: '44', abbr: '粤', serial: '2019056612', nature: 'enterprise',
    name: '广州市天河区星辰文化传播有限公司', certType: '营业执照', usccBody: '91440106MA59ABCD1', address: '广东省广州市天河区天河路385号太古汇一座2001室',
    legalRep: '黄涛', principal: 'huangtao', status: 'access_cancelled',
    sites: [
      { name: '星辰文化传播', domains: ['xingchen-culture.com'], ips: ['120.25.10.20'] },
      { name: '星辰活动报名', domains: ['xcevent.cn'], ips: ['120.25.10.21'] },
    ],
  },
  {
    key: 'haichuan', owner: 'filer2', province: '37', abbr: '鲁', serial: '2020071188', nature: 'enterprise',
    name: '青岛海川贸易有限公司', certType: '营业执照', usccBody: '91370202MA3C4D5E6', address: '山东省青岛市市南区香港中路10号颐和国际A座1801室',
    legalRep: '高岩', principal: 'gaoyan',
    sites: [
      { name: '海川贸易官网', domains: ['haichuan-trade.cn'], ips: ['47.104.77.88'] },
      { name: '海川进出口资讯', domains: ['hcimport.cn'], ips: ['47.104.77.89'] },
    ],
  },
  {
    key: 'scsia', owner: 'filer3', province: '51', abbr: '蜀', serial: '2015004455', nature: 'social_organization',
    name: '四川省软件行业协会', certType: '社会团体法人登记证书', usccBody: '51510000509876543', address: '四川省成都市武侯区人民南路四段11号',
    legalRep: '周杰', principal: 'zhoujie',
    sites: [
      { name: '四川省软件行业协会', domains: ['scsia.org.cn'], ips: ['47.108.20.30'] },
      { name: '四川软件产业年会', domains: ['scsoftexpo.cn'], ips: ['47.108.20.31'] },
    ],
  },
  {
    key: 'jcyinshi', owner: 'filer3', province: '42', abbr: '鄂', serial: '2021066790', nature: 'enterprise',
    name: '武汉江城餐饮管理有限公司', certType: '营业执照', usccBody: '91420106MA4K5L6M7', address: '湖北省武汉市武昌区中北路108号',
    legalRep: '吴强', principal: 'wuqiang',
    sites: [
      { name: '江城餐饮官网', domains: ['jcyinshi.com'], ips: ['47.92.40.50'] },
      { name: '江城美食点评', domains: ['jcmeishi.cn'], ips: ['47.92.40.51'] },
    ],
  },
  {
    key: 'lushan', owner: 'filer3', province: '43', abbr: '湘', serial: '2018039902', nature: 'other',
    name: '湖南麓山律师事务所', certType: '律师事务所执业许可证', usccBody: '31430000MD0123456', address: '湖南省长沙市岳麓区麓山南路932号',
    legalRep: '郑敏', principal: 'zhengmin',
    sites: [
      { name: '麓山律师事务所', domains: ['lushanlaw.cn'], ips: ['47.113.50.60'] },
      { name: '麓山法律咨询服务', domains: ['lushanfalv.cn'], ips: ['47.113.50.61'] },
    ],
  },
  {
    key: 'jcwl', owner: 'filer3', province: '51', abbr: '蜀', serial: '2019092210', nature: 'enterprise',
    name: '成都锦城物流有限公司', certType: '营业执照', usccBody: '91510104MA6ABCDE7', address: '四川省成都市锦江区红星路三段1号',
    legalRep: '马晓军', principal: 'maxiaojun',
    sites: [
      { name: '锦城物流官网', domains: ['jcwl56.com', 'jinchengwuliu.cn'], ips: ['47.108.30.40'] },
      { name: '锦城物流查件服务', domains: ['track.jcwl56.com'], ips: ['47.108.30.41'] },
    ],
  },
  {
    key: 'wanglei', owner: 'filer3', province: '31', abbr: '沪', serial: '2023011156', nature: 'personal',
    name: '王磊', certType: '居民身份证', address: '上海市浦东新区张杨路500号', principal: 'wanglei',
    sites: [{ name: '王磊的旅行日记', domains: ['wangleitravel.cn'], ips: ['106.15.80.90'] }],
  },
];

// A hosting customer with many websites (数帆: a web studio hosting its clients' sites): enough filing objects
// for batch-import demos and tests (several hundred distinct 备案号 × 不合格项 pairs) without touching the
// scenarios above.
const SHUFAN_TOPICS = [
  '云主机', '对象存储', '内容分发', '数据库', '域名服务', '邮件服务', '短信服务', '视频点播', '直播服务', '消息队列',
  '函数计算', '容器服务', '日志分析', '监控告警', '安全防护', '证书管理', '负载均衡', '专有网络', '备份恢复', '数据传输',
  '人工智能', '图像识别', '语音合成', '机器翻译', '知识图谱', '物联网', '区块链', '边缘计算', '开发者', '合作伙伴',
];
SUBJECTS.push({
  key: 'shufan', owner: 'filer3', province: '33', abbr: '浙', serial: '2020112233', nature: 'enterprise',
  name: '杭州数帆网络科技有限公司', certType: '营业执照', usccBody: '91330110MA2H8J9K0', address: '浙江省杭州市余杭区文一西路998号5幢801室',
  legalRep: '钱程', principal: 'qiancheng',
  sites: SHUFAN_TOPICS.map((topic, i) => ({
    name: `数帆${topic}服务平台`,
    domains: [`sf${i + 1}-shufan.cn`, `shufan${i + 1}.com.cn`],
    ips: [`47.97.60.${10 + i}`],
  })),
});

// An overdue filing with a change still in draft: the operator's 取消接入 demo (abandon first, then cancel).
SUBJECTS.push({
  key: 'mingde', owner: 'filer3', province: '32', abbr: '苏', serial: '2021078834', nature: 'enterprise',
  name: '南京明德教育咨询有限公司', certType: '营业执照', usccBody: '91320102MA1N2P3Q4', address: '江苏省南京市玄武区北京东路41号',
  legalRep: '邓云', principal: 'dengyun',
  sites: [
    { name: '明德教育官网', domains: ['mingde-edu.cn'], ips: ['121.43.70.10'] },
    { name: '明德在线课堂', domains: ['mdketang.cn', 'mingde-ketang.com'], ips: ['121.43.70.11'] },
  ],
});

export function subjectCertNumber(s: DemoSubject): string {
  if (s.nature === 'personal') return personIdNumber(PEOPLE.find((p) => p.key === s.principal)!);
  return completeUscc(s.usccBody!);
}

export const DEMO_PASSWORD = 'Beian@2026';

export const DEMO_USERS = [
  { key: 'admin', email: 'admin@beian.example', name: '运营管理员 林静', role: 'admin' as const },
  { key: 'reviewer', email: 'reviewer@beian.example', name: '初审专员 许晴', role: 'reviewer' as const },
  { key: 'reviewer2', email: 'reviewer2@beian.example', name: '初审专员 韩冰', role: 'reviewer' as const },
  { key: 'filer', email: 'filer@beian.example', name: '张伟', role: 'filer' as const },
  { key: 'filer2', email: 'filer2@beian.example', name: '刘芳', role: 'filer' as const },
  { key: 'filer3', email: 'filer3@beian.example', name: '周杰', role: 'filer' as const },
];
