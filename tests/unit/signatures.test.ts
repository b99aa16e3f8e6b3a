// The providers' signatures against their published worked examples, and our webhook's.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rfc3986 } from '../../functions/channels/hmac.ts';
import { aliyunV3, dingtalkSign, feishuSign, tc3Signature, tencentTc3, webhookSignature } from '../../functions/channels/sign.ts';

describe('Aliyun ACS3-HMAC-SHA256', () => {
  // Aliyun's "V3版本请求体&签名机制" (help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature,
  // and /zh/model-studio/user-guide/roa-style-request-body-signature-mechanism): RunInstances on
  // ecs.cn-shanghai with the example keys YourAccessKeyId / YourAccessKeySecret, at two moments the
  // docs give with their signatures — the common headers' table (09:01:01Z) and the worked example
  // of the signing steps (10:22:32Z).
  const sign = (date: string, nonce: string) =>
    aliyunV3({
      method: 'POST',
      path: '/',
      query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      headers: {
        host: 'ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action': 'RunInstances',
        'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-acs-date': date,
        'x-acs-signature-nonce': nonce,
        'x-acs-version': '2014-05-26',
      },
      body: '',
      accessKeyId: 'YourAccessKeyId',
      accessKeySecret: 'YourAccessKeySecret',
    });
  const signed =
    'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=';
  it('reproduces the documented signatures', async () => {
    expect((await sign('2023-10-26T09:01:01Z', 'd410180a5abf7fe235dd9b74aca91fc0')).authorization).toBe(
      `${signed}e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804`,
    );
    expect((await sign('2023-10-26T10:22:32Z', '3156853299f313e23d1673dc12e1703d')).authorization).toBe(
      `${signed}06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0`,
    );
  });
});

describe("Aliyun's percent-encoding of a query (a Chinese sign name, JSON, RFC 3986's reserved marks)", () => {
  // The SendSms example of Aliyun's SMS signing doc (签名机制, the older HMAC-SHA1 scheme), as Aliyun's
  // demo code and SDKs in several languages reproduce it: sign name 阿里云短信测试专用, secret testSecret,
  // signature zJDF+Lrzhj/ThnlvIToysFRq6t4=. V3 encodes a query the same way (UTF-8, %20, %2A, ~ kept).
  const params = {
    AccessKeyId: 'testId',
    Action: 'SendSms',
    Format: 'XML',
    OutId: '123',
    PhoneNumbers: '15300000001',
    RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试专用',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_71390007',
    TemplateParam: '{"customer":"test"}',
    Timestamp: '2017-07-12T02:42:19Z',
    Version: '2017-05-25',
  };
  it("gives the doc's sorted query string, and with it the doc's signature", async () => {
    const { query } = await aliyunV3({
      method: 'POST',
      path: '/',
      query: params,
      headers: { host: 'dysmsapi.aliyuncs.com' },
      body: '',
      accessKeyId: 'testId',
      accessKeySecret: 'testSecret',
    });
    expect(query).toBe(
      'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou' +
        '&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
        '&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0' +
        '&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z' +
        '&Version=2017-05-25',
    );
    const stringToSign = `GET&${rfc3986('/')}&${rfc3986(query)}`;
    expect(createHmac('sha1', 'testSecret&').update(stringToSign).digest('base64')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it("encodes what encodeURIComponent leaves (!'()*), a space as %20, and keeps ~", () => {
    expect(rfc3986("师傅说'明天(周六)*上午*到!~ a+b")).toBe(
      '%E5%B8%88%E5%82%85%E8%AF%B4%27%E6%98%8E%E5%A4%A9%28%E5%91%A8%E5%85%AD%29%2A%E4%B8%8A%E5%8D%88%2A%E5%88%B0%21~%20a%2Bb',
    );
  });
});

describe('Tencent Cloud TC3-HMAC-SHA256', () => {
  // Tencent Cloud API 3.0 "Signature v3" worked example: DescribeInstances on cvm, timestamp
  // 1551113065, SecretKey Gu5t9xGARNpq86cd98joQYCN3EXAMPLE.
  const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
  it('reproduces the documented string to sign and signature', async () => {
    const { stringToSign, signature, authorization } = await tencentTc3({
      method: 'POST',
      host: 'cvm.tencentcloudapi.com',
      contentType: 'application/json; charset=utf-8',
      body: payload,
      service: 'cvm',
      timestamp: 1551113065,
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    });
    expect(stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
    expect(await tc3Signature('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', '2019-02-25', 'cvm', stringToSign)).toBe(signature);
  });
});

describe('robot and webhook signs', () => {
  // DingTalk and Feishu publish the algorithm with code samples but no fixed input/output pair, so
  // these are checked against node:crypto doing what the docs say.
  it('DingTalk: base64 HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret', async () => {
    const expected = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(await dingtalkSign('SECabc', 1700000000000)).toBe(expected);
  });
  it('Feishu: base64 HMAC-SHA256 of nothing, keyed by "timestamp\\nsecret"', async () => {
    const expected = createHmac('sha256', '1700000000\nabc').update('').digest('base64');
    expect(await feishuSign('abc', 1700000000)).toBe(expected);
  });
  it('webhook: sha256=<hex HMAC-SHA256 of "timestamp.body">', async () => {
    expect(await webhookSignature('s3cret', 1700000000, '{"a":1}')).toBe(
      `sha256=${createHmac('sha256', 's3cret').update('1700000000.{"a":1}').digest('hex')}`,
    );
  });
});
