import { PhoneOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Flex, Input, Row, Select, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryPicker } from '@/components/category-picker';
import { ConditionPicker } from '@/components/condition-picker';
import { MapView } from '@/components/map-view';
import { PhotoPicker } from '@/components/photo-picker';
import { useFileCall } from '@/features/hotline/api/file-call';
import { CALLED_BACK_SOURCES, DESK_SOURCES, type DeskSource, type FiledCase } from '@/features/hotline/api/types';
import { CallerHistory } from '@/features/hotline/components/caller-history';
import { isPhone } from '@/features/hotline/lib/phone';
import { useCategories } from '@/lib/api/list-categories';
import { formatCoordinate } from '@/lib/format';
import { describeApiError } from '@/lib/http';
import { usePhotos } from '@/lib/use-photos';

const MAX_PHOTOS = 5;
const MAX_ADDRESS = 200;
const MAX_DESCRIPTION = 2000;

interface Point {
  latitude: number;
  longitude: number;
}

type FieldErrors = Partial<Record<'callerPhone' | 'callerName' | 'point' | 'categoryId', string>>;

export interface HotlineDeskProps {
  /** Alt+H: over to the call list. */
  onShowCallbacks?: () => void;
}

/**
 * 热线受理: a form built for taking a call. The phone comes first (and brings up the caller's earlier cases), then the
 * caller, callback, source, where, what; Enter files the call (Ctrl+Enter inside the description), Alt+N starts a new one.
 */
export function HotlineDesk({ onShowCallbacks }: HotlineDeskProps) {
  const { t } = useTranslation();
  const categories = useCategories();
  const file = useFileCall();
  const photos = usePhotos(MAX_PHOTOS);
  const phoneInput = useRef<InputRef>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [source, setSource] = useState<DeskSource>('hotline');
  const [callerPhone, setCallerPhone] = useState('');
  const [callerName, setCallerName] = useState('');
  const [callbackWanted, setCallbackWanted] = useState(true);
  const [addressText, setAddressText] = useState('');
  const [point, setPoint] = useState<Point | null>(null);
  const [categoryId, setCategoryId] = useState<string | undefined>(undefined);
  const [conditionId, setConditionId] = useState<string | undefined>(undefined);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [filed, setFiled] = useState<FiledCase | null>(null);

  const category = categories.data?.find((item) => String(item.id) === categoryId);
  const conditions = category?.conditions ?? [];
  const callbackAllowed = CALLED_BACK_SOURCES.includes(source);

  useEffect(() => phoneInput.current?.focus(), []);

  const newCall = useCallback(() => {
    setSource('hotline');
    setCallerPhone('');
    setCallerName('');
    setCallbackWanted(true);
    setAddressText('');
    setPoint(null);
    setCategoryId(undefined);
    setConditionId(undefined);
    setDescription('');
    setErrors({});
    photos.clear();
    setKey(crypto.randomUUID());
    file.reset();
    phoneInput.current?.focus();
  }, [photos, file]);

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (callerPhone.trim() && !isPhone(callerPhone)) found.callerPhone = t('hotline.callerPhoneInvalid');
    else if (source === 'hotline' && !callerPhone.trim()) found.callerPhone = t('hotline.callerPhoneRequired');
    else if (callbackAllowed && callbackWanted && !callerPhone.trim()) found.callerPhone = t('hotline.callerPhoneRequired');
    if (source === 'hotline' && !callerName.trim()) found.callerName = t('hotline.callerNameRequired');
    if (!point) found.point = t('hotline.pointRequired');
    if (!categoryId) found.categoryId = t('hotline.categoryRequired');
    return found;
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (file.isPending) return;
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !point || !categoryId) return;
    file.mutate(
      {
        key,
        draft: {
          source,
          callerName,
          callerPhone,
          callbackWanted: callbackAllowed && callbackWanted,
          addressText,
          categoryId,
          conditionId,
          longitude: point.longitude,
          latitude: point.latitude,
          description,
          photos: photos.photos.map((photo) => photo.file),
        },
      },
      {
        onSuccess: (created) => {
          setFiled({ id: created.id, number: created.number, state: created.state });
          newCall();
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.altKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      setFiled(null);
      newCall();
    } else if (event.altKey && (event.key === 'h' || event.key === 'H')) {
      event.preventDefault();
      onShowCallbacks?.();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card title={<><PhoneOutlined /> {t('hotline.deskTitle')}</>} size="small">
          <form onSubmit={submit} onKeyDown={onKeyDown} data-testid="hotline-form" noValidate>
            <Flex vertical gap={12}>
              {filed ? (
                <Alert
                  type="success"
                  showIcon
                  data-testid="hotline-filed"
                  message={
                    <>
                      {t('hotline.filed')} <Typography.Text strong copyable data-testid="hotline-filed-number">{filed.number}</Typography.Text>
                    </>
                  }
                />
              ) : null}
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <label className="hotline-field">
                    <span>{t('hotline.callerPhone')}</span>
                    <Input
                      ref={phoneInput}
                      value={callerPhone}
                      onChange={(event) => setCallerPhone(event.target.value)}
                      placeholder={t('hotline.callerPhonePlaceholder')}
                      inputMode="tel"
                      autoComplete="off"
                      status={errors.callerPhone ? 'error' : undefined}
                      data-testid="hotline-caller-phone"
                    />
                    {errors.callerPhone ? <Typography.Text type="danger" data-testid="error-callerPhone">{errors.callerPhone}</Typography.Text> : null}
                  </label>
                </Col>
                <Col xs={24} sm={12}>
                  <label className="hotline-field">
                    <span>{t('hotline.callerName')}</span>
                    <Input
                      value={callerName}
                      maxLength={64}
                      onChange={(event) => setCallerName(event.target.value)}
                      placeholder={t('hotline.callerNamePlaceholder')}
                      autoComplete="off"
                      status={errors.callerName ? 'error' : undefined}
                      data-testid="hotline-caller-name"
                    />
                    {errors.callerName ? <Typography.Text type="danger" data-testid="error-callerName">{errors.callerName}</Typography.Text> : null}
                  </label>
                </Col>
              </Row>
              <Row gutter={12} align="bottom">
                <Col xs={24} sm={12}>
                  <label className="hotline-field">
                    <span>{t('hotline.source')}</span>
                    <Select<DeskSource>
                      value={source}
                      onChange={setSource}
                      options={DESK_SOURCES.map((value) => ({ value, label: t(`hotline.sources.${value}`) }))}
                      data-testid="hotline-source"
                      style={{ width: '100%' }}
                      optionRender={(option) => <span data-testid={`hotline-source-${option.value}`}>{option.label}</span>}
                    />
                  </label>
                </Col>
                <Col xs={24} sm={12}>
                  <Checkbox
                    checked={callbackAllowed && callbackWanted}
                    disabled={!callbackAllowed}
                    onChange={(event) => setCallbackWanted(event.target.checked)}
                    data-testid="hotline-callback-wanted"
                  >
                    {callbackAllowed ? t('hotline.callbackWanted') : t('hotline.callbackNotForSource')}
                  </Checkbox>
                </Col>
              </Row>
              <label className="hotline-field">
                <span>{t('hotline.addressText')}</span>
                <Input
                  value={addressText}
                  maxLength={MAX_ADDRESS}
                  showCount
                  onChange={(event) => setAddressText(event.target.value)}
                  placeholder={t('hotline.addressTextPlaceholder')}
                  data-testid="hotline-address"
                />
              </label>
              <div className="hotline-field">
                <span>{t('hotline.point')}</span>
                <MapView testId="hotline-map" height={240} pin={point} zoom={16} onPick={(picked) => {
                  setPoint(picked);
                  setErrors((current) => ({ ...current, point: undefined }));
                }} />
                <Typography.Text type={errors.point ? 'danger' : 'secondary'} data-testid="hotline-point">
                  {point
                    ? t('hotline.pointPicked', { longitude: formatCoordinate(point.longitude), latitude: formatCoordinate(point.latitude) })
                    : (errors.point ?? t('hotline.pointHint'))}
                </Typography.Text>
              </div>
              <Row gutter={12}>
                <Col xs={24} sm={conditions.length > 1 ? 12 : 24}>
                  <div className="hotline-field">
                    <span>{t('hotline.category')}</span>
                    <CategoryPicker
                      categories={categories.data ?? []}
                      loading={categories.isLoading}
                      value={categoryId}
                      onChange={(next) => {
                        setCategoryId(next);
                        const chosen = categories.data?.find((item) => String(item.id) === next);
                        setConditionId(chosen?.conditions.length === 1 ? String(chosen.conditions[0]!.id) : undefined);
                        setErrors((current) => ({ ...current, categoryId: undefined }));
                      }}
                    />
                    {errors.categoryId ? <Typography.Text type="danger" data-testid="error-categoryId">{errors.categoryId}</Typography.Text> : null}
                  </div>
                </Col>
                {conditions.length > 1 ? (
                  <Col xs={24} sm={12}>
                    <div className="hotline-field">
                      <span>{t('patrol.condition')}</span>
                      <ConditionPicker conditions={conditions} value={conditionId} onChange={setConditionId} />
                    </div>
                  </Col>
                ) : null}
              </Row>
              <label className="hotline-field">
                <span>{t('hotline.description')}</span>
                <Input.TextArea
                  value={description}
                  maxLength={MAX_DESCRIPTION}
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  onChange={(event) => setDescription(event.target.value)}
                  placeholder={t('hotline.descriptionPlaceholder')}
                  data-testid="hotline-description"
                />
              </label>
              <div className="hotline-field">
                <span>{t('hotline.photos')}</span>
                <PhotoPicker
                  photos={photos.photos}
                  limit={MAX_PHOTOS}
                  compressing={photos.compressing}
                  onAdd={(files) => void photos.add(files)}
                  onRemove={photos.remove}
                  testId="hotline-photo"
                />
              </div>
              {file.isError ? <Alert type="error" showIcon message={describeApiError(file.error)} data-testid="hotline-error" /> : null}
              <Flex gap={8} wrap align="center">
                <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={file.isPending} disabled={photos.compressing} data-testid="hotline-submit">
                  {t('hotline.submit')}
                </Button>
                <Button onClick={() => { setFiled(null); newCall(); }} data-testid="hotline-new-call">
                  {t('hotline.newCall')}
                </Button>
                <Typography.Text type="secondary" className="hotline-shortcuts" data-testid="hotline-shortcuts">
                  {t('hotline.shortcuts')}
                </Typography.Text>
              </Flex>
            </Flex>
          </form>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t('hotline.history')} size="small">
          <CallerHistory phone={callerPhone} />
        </Card>
      </Col>
    </Row>
  );
}
